// `npm run whatsapp:doctor` against the Graph API sandbox on loopback, as an operator runs it: a
// good set-up exits 0 with a verdict a line; an expired token exits 1 with the fix, and the
// refusal is stored, so WhatsApp sends wait for a working token.
import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSandboxServer, type TSandboxServer } from "@/lib/whatsapp/sandbox/node-server";

const root = path.resolve(import.meta.dirname, "..");
const LIVE = { token: "doctor-cli-token", secret: "doctor-cli-secret", phoneNumberId: "100000000000001", wabaId: "200000000000001" };
let server: TSandboxServer;

beforeAll(async () => {
  server = await startSandboxServer({ appSecret: LIVE.secret, accessToken: LIVE.token, phoneNumberId: LIVE.phoneNumberId, wabaId: LIVE.wabaId, appId: "sandbox-app", webhookUrl: "http://127.0.0.1:9/none" });
});
afterAll(() => server.close());

function doctor(): Promise<{ code: number; output: string }> {
  const env = {
    ...process.env,
    WHATSAPP_ACCESS_TOKEN: LIVE.token,
    WHATSAPP_PHONE_NUMBER_ID: LIVE.phoneNumberId,
    WHATSAPP_WABA_ID: LIVE.wabaId,
    WHATSAPP_APP_ID: "sandbox-app",
    WHATSAPP_APP_SECRET: LIVE.secret,
    WHATSAPP_VERIFY_TOKEN: "doctor-cli-verify",
    WHATSAPP_API_BASE_URL: server.url,
  };
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", path.join(root, "scripts", "node-hooks.mjs"), path.join(root, "scripts", "whatsapp-doctor.ts")], { cwd: root, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

it("exits 0 on a good set-up and 1 with the fix when the token has expired", { timeout: 60_000 }, async () => {
  const good = await doctor();
  expect(good.output).toMatch(/^ok {4}Access token: Valid/m);
  expect(good.output).toMatch(/^ok {4}Number in the WhatsApp account: /m);
  expect(good.output).toMatch(/0 failures\.$/m);
  expect(good.code).toBe(0);

  server.sandbox.configureSetup({ tokenType: "USER", tokenExpiresAt: Math.floor(Date.now() / 1000) - 60 });
  const expired = await doctor();
  expect(expired.output).toMatch(/^FAIL {2}Access token: The access token expired on .*\n {6}Fix: Make a system-user token/m);
  expect(expired.code).toBe(1);

  const { db } = await import("@/lib/db");
  const state = await db.whatsAppSetupState.findUniqueOrThrow({ where: { phoneNumberId: LIVE.phoneNumberId } });
  expect(state).toMatchObject({ tokenValid: false, refusedCode: "190" });
  expect(state.refusedAt).not.toBeNull();
});
