// The runner against the Graph API sandbox over real HTTP: a good set-up passes every check, and
// an expired token, a wrong WhatsApp account id, an unsubscribed app and Meta's test number each
// fail the checks they should.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TWhatsAppConfig } from "@/lib/env";
import { createWhatsAppClient } from "@/lib/whatsapp/client";
import { runDoctor } from "@/lib/whatsapp/doctor/runner";
import type { TCheckState, TDoctorResult, TDoctorSetup } from "@/lib/whatsapp/doctor/types";
import { startSandboxServer, type TSandboxServer } from "@/lib/whatsapp/sandbox/node-server";

const SECRET = "doctor-app-secret";
const TOKEN = "doctor-token-EAAG";
const PHONE_NUMBER_ID = "100000000000001";
const WABA_ID = "200000000000001";
const silent = { info: () => undefined, warn: () => undefined };

let server: TSandboxServer;

beforeAll(async () => {
  server = await startSandboxServer({ appSecret: SECRET, accessToken: TOKEN, phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, appId: "sandbox-app", webhookUrl: "http://127.0.0.1:9/none" });
});
afterAll(() => server.close());
beforeEach(() => server.sandbox.reset());

function run(change: Partial<TWhatsAppConfig> = {}): Promise<TDoctorResult> {
  const config: TWhatsAppConfig = {
    mode: "live",
    baseUrl: server.url,
    version: "v26.0",
    phoneNumberId: PHONE_NUMBER_ID,
    wabaId: WABA_ID,
    accessToken: TOKEN,
    appId: "sandbox-app",
    appSecret: SECRET,
    verifyToken: "verify",
    timeoutMs: 2_000,
    ...change,
  };
  const setup: TDoctorSetup = {
    mode: "live",
    phoneNumberId: config.phoneNumberId,
    wabaId: config.wabaId,
    appId: config.appId,
    appSecretSet: true,
    verifyTokenSet: true,
    maxMessagesPerSecond: 80,
    webhookUrl: "http://127.0.0.1:3000/api/webhooks/whatsapp",
  };
  const now = new Date();
  const heartbeat = { lastAcceptedAt: new Date(now.getTime() - 60_000), lastReceivedAt: new Date(now.getTime() - 50_000) };
  return runDoctor(createWhatsAppClient(config, { logger: silent }), { setup, heartbeat, now });
}

const states = (result: TDoctorResult, state: TCheckState) => result.checks.filter((check) => check.state === state).map((check) => check.id);

describe("runDoctor against the sandbox", () => {
  it("passes every check on a good set-up", async () => {
    const result = await run();
    expect(result.checks.filter((check) => check.state !== "ok")).toEqual([]);
    expect(result.worst).toBe("ok");
    expect(result.token).toEqual({ valid: true, type: "SYSTEM_USER", expiresAt: null, refusal: null });
  });

  it("fails the token when it has expired, and says how to fix it", async () => {
    server.sandbox.configureSetup({ tokenType: "USER", tokenExpiresAt: Math.floor(Date.now() / 1000) - 60 });
    const result = await run();
    const token = result.checks.find((check) => check.id === "token_valid")!;
    expect(token).toMatchObject({ state: "fail", verdict: expect.stringMatching(/^The access token expired on /), fix: expect.stringMatching(/WHATSAPP_ACCESS_TOKEN/) });
    // Every call with the token is refused, so the number's checks fail on it too.
    expect(states(result, "fail")).toEqual(expect.arrayContaining(["token_valid", "number_in_waba", "display_name", "webhooks_subscribed"]));
    expect(result.token).toMatchObject({ valid: false, refusal: { code: 190, subcode: 463 } });
  });

  it("warns a day before a temporary user token expires", async () => {
    server.sandbox.configureSetup({ tokenType: "USER", tokenExpiresAt: Math.floor(Date.now() / 1000) + 3 * 3600 });
    const result = await run();
    expect(states(result, "fail")).toEqual([]);
    expect(states(result, "warn")).toEqual(["token_type", "token_expiry"]);
    expect(result.token.expiresAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("fails the number, the permissions and the subscription with another WhatsApp account id", async () => {
    const result = await run({ wabaId: "299999999999999" });
    expect(states(result, "fail")).toEqual(["token_scopes", "number_in_waba", "webhooks_subscribed"]);
    expect(result.checks.find((check) => check.id === "number_in_waba")!.verdict).toMatch(/299999999999999 \(WHATSAPP_WABA_ID\) was not found/);
  });

  it("fails the subscription when the app is not subscribed to the account's webhooks, and passes once it is", async () => {
    server.sandbox.configureSetup({ subscribed: false });
    expect(states(await run(), "fail")).toEqual(["webhooks_subscribed"]);
    const subscribe = await fetch(`${server.url}/v26.0/${WABA_ID}/subscribed_apps`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` } });
    expect(subscribe.status).toBe(200);
    expect(states(await run(), "fail")).toEqual([]);
  });

  it("fails Meta's test number with the allowed-recipients hint", async () => {
    server.sandbox.configureSetup({ testNumber: true, throughputLevel: "NOT_APPLICABLE" });
    const result = await run();
    expect(states(result, "fail")).toEqual(["test_number"]);
    expect(result.checks.find((check) => check.id === "test_number")!.verdict).toMatch(/allowed list.*131030/);
  });

  it("works after the token is replaced by a new one", async () => {
    server.sandbox.setAccessToken("doctor-token-2");
    expect((await run()).token.valid).toBe(false);
    const renewed = await run({ accessToken: "doctor-token-2" });
    expect(renewed.worst).toBe("ok");
  });
});
