// The dashboard's summary of the set-up doctor, against the Graph API sandbox over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/test/http-receiver";
import type { startSandboxServer as TStart } from "@/lib/whatsapp/sandbox/node-server";

let sandbox: Awaited<ReturnType<typeof TStart>>;
let whatsappHealth: typeof import("@/lib/messages/whatsapp-health").whatsappHealth;

beforeAll(async () => {
  const port = await freePort();
  process.env.WHATSAPP_API_BASE_URL = `http://127.0.0.1:${port}`;
  const { startSandboxServer } = await import("@/lib/whatsapp/sandbox/node-server");
  const { whatsappConfig } = await import("@/lib/env");
  sandbox = await startSandboxServer({ ...whatsappConfig, port, webhookUrl: "http://127.0.0.1:9/unused" });
  ({ whatsappHealth } = await import("@/lib/messages/whatsapp-health"));
});

afterAll(() => sandbox.close());

describe("whatsappHealth", () => {
  it("reports a non-expiring token with both permissions and a connected number", async () => {
    const checks = await whatsappHealth();
    expect(checks).toEqual([
      { label: "Access token", state: "ok", detail: "System-user token with both permissions; it does not expire." },
      { label: "Phone number", state: "ok", detail: expect.stringContaining("Quality GREEN") },
    ]);
  });
});

describe("summarize", () => {
  it("shows a group's worst check with its fix", async () => {
    const { summarize } = await import("@/lib/messages/whatsapp-health");
    const { diagnose } = await import("@/lib/whatsapp/doctor/diagnose");
    const { DEBUG_TOKEN_EXPIRED, healthyInput, ok } = await import("@/lib/whatsapp/doctor/fixtures");
    const [token, phone] = summarize(diagnose(healthyInput({ answers: { debugToken: ok(DEBUG_TOKEN_EXPIRED) } })).checks);
    expect(token).toEqual({ label: "Access token", state: "error", detail: expect.stringMatching(/^The access token expired on .* Make a system-user token/) });
    expect(phone).toMatchObject({ state: "ok", detail: "Quality GREEN, connected. Business-initiated messages may reach 2,000 customers in any 24 hours (TIER_2K)." });
  });
});
