// The per-IP quote limit keys on the connection, not on a header the client sends. Each test
// starts its own app through `npm start`'s path (scripts/start.ts; the build the main e2e server
// made is reused) on its own port and throwaway database, with a limit of 3, and sends the form
// from one connection address (127.0.0.1) with made-up forwarding headers.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..", "..");
const LIMIT = 3;
const RATE_LIMITED = /^We have received several requests from your connection\. Please try again in \d+ minutes?/;

type TApp = { url: string; child: ChildProcess };

async function startApp(port: number, trustProxy: boolean): Promise<TApp> {
  const file = path.join(root, "data", `e2e-rate-limit-${port}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "start.ts")], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      SKIP_BUILD: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      APP_URL: url,
      DATABASE_URL: `file:${file}`,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
      ADMIN_EMAIL: "e2e-admin@example.com",
      ADMIN_PASSWORD: "e2e-password-1234",
      WHATSAPP_ACCESS_TOKEN: "",
      QUOTE_RATE_LIMIT: String(LIMIT),
      TRUST_PROXY: String(trustProxy),
      LOG_LEVEL: "warn",
    },
  });
  for (let waited = 0; ; waited += 200) {
    if (child.exitCode !== null) throw new Error(`the app on port ${port} exited with ${child.exitCode}`);
    if (await fetch(`${url}/login`).then((response) => response.ok, () => false)) return { url, child };
    if (waited > 90_000) throw new Error(`the app on port ${port} did not start within 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** SIGTERM, as a process manager stops it; resolves with the exit code. */
function stopApp(app: TApp): Promise<number | null> {
  return new Promise((resolve) => {
    app.child.once("exit", (code) => resolve(code));
    app.child.kill("SIGTERM");
  });
}

/** Sends the form with the given request headers; returns the quote number or the form's error. */
async function submitQuote(page: Page, app: TApp, email: string, headers: Record<string, string>): Promise<string> {
  await page.setExtraHTTPHeaders(headers);
  await page.goto(`${app.url}/quote`);
  await page.getByLabel("Your name").fill("Made Up");
  await page.getByRole("radio", { name: /Email/ }).check();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("What is the gift for?").fill("A birthday hamper");
  await page.getByLabel("Budget (R)").fill("900");
  await page.getByRole("button", { name: "Request my quote" }).click();
  const outcome = page.getByTestId("quote-number").or(page.getByTestId("form-error"));
  await expect(outcome).toBeVisible();
  return (await outcome.textContent())!.trim();
}

test.describe.configure({ mode: "serial", timeout: 180_000 });

test("without TRUST_PROXY, made-up X-Forwarded-For values from one address share one limit", async ({ page }) => {
  const app = await startApp(3107, false);
  try {
    const outcomes: string[] = [];
    for (let index = 1; index <= 7; index++) {
      outcomes.push(
        await submitQuote(page, app, `made-up-${index}@example.com`, {
          "x-forwarded-for": `203.0.113.${index}`,
          // Our own header is the server's to write: a client's copy is thrown away.
          "x-ssg-peer-address": `198.51.100.${index}`,
        }),
      );
    }
    expect(outcomes.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(expect.stringMatching(/^Q-\d{4}-\d{4}$/)));
    expect(outcomes.slice(LIMIT)).toEqual(Array(7 - LIMIT).fill(expect.stringMatching(RATE_LIMITED)));
  } finally {
    expect(await stopApp(app)).toBe(0);
  }
});

test("with TRUST_PROXY, each first X-Forwarded-For hop has its own limit", async ({ page }) => {
  const app = await startApp(3108, true);
  try {
    // The proxy appended its own hop; the first one is the client it saw.
    const viaProxy = (client: string) => ({ "x-forwarded-for": `${client}, 10.0.0.2` });
    for (let index = 1; index <= 7; index++) {
      expect(await submitQuote(page, app, `client-${index}@example.com`, viaProxy(`203.0.113.${index}`))).toMatch(/^Q-\d{4}-\d{4}$/);
    }
    for (let repeat = 2; repeat <= LIMIT; repeat++) {
      expect(await submitQuote(page, app, `client-1-again-${repeat}@example.com`, viaProxy("203.0.113.1"))).toMatch(/^Q-\d{4}-\d{4}$/);
    }
    expect(await submitQuote(page, app, "client-1-once-more@example.com", viaProxy("203.0.113.1"))).toMatch(RATE_LIMITED);
  } finally {
    expect(await stopApp(app)).toBe(0);
  }
});
