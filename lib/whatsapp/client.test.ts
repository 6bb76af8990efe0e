// The client against the Graph API sandbox over real HTTP, and the sandbox's signed webhooks
// arriving at a loopback receiver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TWhatsAppConfig } from "@/lib/env";
import { createWhatsAppClient } from "@/lib/whatsapp/client";
import { WhatsAppError } from "@/lib/whatsapp/errors";
import { startSandboxServer } from "@/lib/whatsapp/sandbox/node-server";
import { verifySignature } from "@/lib/whatsapp/webhook";
import { startReceiver } from "@/test/http-receiver";

const SECRET = "sandbox-app-secret";
const TOKEN = "sandbox-token";
const received: { body: string; signed: boolean }[] = [];

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
let config: TWhatsAppConfig;

beforeAll(async () => {
  receiver = await startReceiver(async (request) => {
    const body = await request.text();
    received.push({ body, signed: verifySignature(body, request.headers.get("x-hub-signature-256"), SECRET) });
    return new Response(null, { status: 200 });
  });
  sandbox = await startSandboxServer({ appSecret: SECRET, accessToken: TOKEN, phoneNumberId: "111", wabaId: "222", webhookUrl: `${receiver.url}/hook`, webhookDelayMs: 5 });
  config = { mode: "sandbox", baseUrl: sandbox.url, version: "v26.0", phoneNumberId: "111", wabaId: "222", accessToken: TOKEN, appId: "app", appSecret: SECRET, verifyToken: "v", timeoutMs: 2000 };
});

afterAll(async () => {
  await sandbox.sandbox.settle();
  await sandbox.close();
  await receiver.close();
});

async function failureOf(promise: Promise<unknown>): Promise<WhatsAppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(WhatsAppError);
  return error as WhatsAppError;
}

describe("sending through the sandbox", () => {
  it("sends an approved template and gets a wamid; signed sent → delivered → read follow", async () => {
    const client = createWhatsAppClient(config);
    const result = await client.sendTemplate({ to: "27821234567", name: "quote_ready", language: "en", bodyParameters: ["Ann", "Q-1", "R100"], callbackData: "msg-42" });
    expect(result.wamid).toMatch(/^wamid\./);
    expect(result.waId).toBe("27821234567");
    expect(result.request).toMatchObject({ to: "27821234567", biz_opaque_callback_data: "msg-42" });

    await sandbox.sandbox.settle();
    const statuses = received
      .map((entry) => ({ ...entry, json: JSON.parse(entry.body) }))
      .flatMap((entry) => entry.json.entry[0].changes[0].value.statuses.map((status: Record<string, string>) => ({ ...status, signed: entry.signed })))
      .filter((status: Record<string, string>) => status.id === result.wamid);
    expect(statuses.map((status: Record<string, string>) => status.status)).toEqual(["sent", "delivered", "read"]);
    expect(statuses.every((status: { signed: boolean; biz_opaque_callback_data: string }) => status.signed && status.biz_opaque_callback_data === "msg-42")).toBe(true);
  });

  it("refuses free text outside the 24-hour window, and allows it after the customer writes", async () => {
    const client = createWhatsAppClient(config);
    expect((await failureOf(client.sendText({ to: "27827654321", body: "Hello" }))).code).toBe(131047);
    await sandbox.sandbox.simulateInbound({ from: "27827654321", text: "Hi there" });
    await expect(client.sendText({ to: "27827654321", body: "Hello" })).resolves.toMatchObject({ wamid: expect.stringMatching(/^wamid\./) });
  });

  it("refuses unknown templates and a wrong parameter count like Meta", async () => {
    const client = createWhatsAppClient(config);
    expect((await failureOf(client.sendTemplate({ to: "27821234567", name: "no_such", language: "en" }))).code).toBe(132001);
    expect((await failureOf(client.sendTemplate({ to: "27821234567", name: "quote_ready", language: "en", bodyParameters: ["Ann"] }))).code).toBe(132000);
    expect((await failureOf(client.sendTemplate({ to: "27821234567", name: "holiday_promo", language: "en", bodyParameters: ["Ann"] }))).code).toBe(132015);
  });

  it("fails by recipient number the way Meta fails", async () => {
    const client = createWhatsAppClient(config);
    const template = (to: string) => client.sendTemplate({ to, name: "hello_world", language: "en_US" });
    expect(await failureOf(template("27600131030"))).toMatchObject({ code: 131030, kind: "recipient" });
    expect(await failureOf(template("27600000190"))).toMatchObject({ code: 190, kind: "auth", httpStatus: 401 });
    expect(await failureOf(template("27600130429"))).toMatchObject({ code: 130429, retryable: true });
    expect(await failureOf(template("27600131000"))).toMatchObject({ code: 131000, retryable: true, httpStatus: 500 });
  });

  it("refuses a wrong token with 190 and a wrong phone number id with 100/33", async () => {
    expect(await failureOf(createWhatsAppClient({ ...config, accessToken: "nope" }).sendTemplate({ to: "27821234567", name: "hello_world", language: "en_US" }))).toMatchObject({ code: 190, httpStatus: 401 });
    expect(await failureOf(createWhatsAppClient({ ...config, phoneNumberId: "999" }).sendTemplate({ to: "27821234567", name: "hello_world", language: "en_US" }))).toMatchObject({ code: 100, subcode: 33, kind: "config" });
  });

  it("lists templates and reads the phone number and token", async () => {
    const client = createWhatsAppClient(config);
    const templates = await client.listTemplates();
    expect(templates.find((template) => template.name === "quote_ready")?.status).toBe("APPROVED");
    expect((await client.getPhoneNumber()).quality_rating).toBe("GREEN");
    expect((await client.debugToken())?.scopes).toContain("whatsapp_business_messaging");
  });
});

describe("transport failures", () => {
  it("times out a call that gets no answer, saying the outcome is unknown", async () => {
    const silent = await startReceiver(() => new Promise<Response>(() => undefined));
    try {
      const client = createWhatsAppClient({ ...config, baseUrl: silent.url, timeoutMs: 150 });
      expect(await failureOf(client.sendText({ to: "27821234567", body: "x" }))).toMatchObject({ code: "timeout", outcomeUnknown: true, retryable: true });
    } finally {
      void silent.close();
    }
  });

  it("reports an unreachable server as a network error", async () => {
    const client = createWhatsAppClient({ ...config, baseUrl: "http://127.0.0.1:9" });
    expect(await failureOf(client.sendText({ to: "27821234567", body: "x" }))).toMatchObject({ code: "network", retryable: true });
  });
});
