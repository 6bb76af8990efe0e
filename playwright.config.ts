import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against `next start` on a throwaway database made fresh for each run,
// with WhatsApp on the built-in sandbox (no access token), in Debian's Chromium.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${PORT}`;
export const E2E_DATABASE_URL = "file:./data/e2e.db";
export const E2E_ADMIN = { email: "e2e-admin@example.com", password: "e2e-password-1234" };

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  outputDir: "test-results/e2e",
  use: { baseURL: E2E_BASE_URL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: chromium },
    { name: "anonymous", testMatch: /anonymous\/.*\.spec\.ts/, use: chromium },
    { name: "admin", testMatch: /admin\/.*\.spec\.ts/, dependencies: ["setup"], use: { ...chromium, storageState: "e2e/.auth/admin.json" } },
  ],
  webServer: {
    command: "node --import ./scripts/node-hooks.mjs scripts/e2e-server.ts",
    url: `${E2E_BASE_URL}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      APP_URL: E2E_BASE_URL,
      DATABASE_URL: E2E_DATABASE_URL,
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
      WHATSAPP_ACCESS_TOKEN: "",
      WHATSAPP_SANDBOX_WEBHOOK_DELAY_MS: "200",
      QUOTE_RATE_LIMIT: "50",
      BUSINESS_EMAIL: "hello@snowspoiled.example",
      BUSINESS_PHONE: "+27 21 555 0100",
      LOG_LEVEL: "warn",
    },
  },
});
