// The set-up checks against the Graph API sandbox over HTTP.
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
      { label: "Phone number", state: "ok", detail: expect.stringContaining("quality GREEN") },
    ]);
  });
});
