// The client against the Graph API sandbox over real HTTP (startSandboxServer), and the
// sandbox's signed webhooks arriving at a tiny node:http receiver started here.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TWhatsAppConfig } from "@/lib/env";
import { createWhatsAppClient, type TWhatsAppLogger } from "@/lib/whatsapp/client";
import { WhatsAppError } from "@/lib/whatsapp/errors";
import { startSandboxServer, type TSandboxServer } from "@/lib/whatsapp/sandbox/node-server";
import { parseWebhook, verifySignature } from "@/lib/whatsapp/webhook";

const SECRET = "sandbox-app-secret";
const TOKEN = "sandbox-token-EAAGsecret";
const PHONE_NUMBER_ID = "100000000000001";
const WABA_ID = "200000000000001";

type TReceived = { body: string; signature: string | null };

/** A loopback webhook endpoint that records each POST's raw body and signature header. */
async function startReceiver(answer: (count: number) => number = () => 200) {
  const received: TReceived[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), signature: req.headers["x-hub-signature-256"] as string | null });
      res.writeHead(answer(received.length)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => undefined, () => undefined),
    closeNow: () => server.closeAllConnections(),
  };
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let server: TSandboxServer;
let config: TWhatsAppConfig;
const logs: { message: string; fields?: Record<string, unknown> }[] = [];
const logger: TWhatsAppLogger = {
  info: (message, fields) => void logs.push({ message, fields }),
  warn: (message, fields) => void logs.push({ message, fields }),
};

beforeAll(async () => {
  receiver = await startReceiver();
  server = await startSandboxServer({
    appSecret: SECRET,
    accessToken: TOKEN,
    phoneNumberId: PHONE_NUMBER_ID,
    wabaId: WABA_ID,
    appId: "sandbox-app",
    webhookUrl: () => receiver.url,
    webhookDelayMs: 5,
    templatePageSize: 4,
  });
  config = {
    mode: "sandbox",
    baseUrl: server.url,
    version: "v26.0",
    phoneNumberId: PHONE_NUMBER_ID,
    wabaId: WABA_ID,
    accessToken: TOKEN,
    appId: "sandbox-app",
    appSecret: SECRET,
    verifyToken: "verify",
    timeoutMs: 3_000,
  };
});

beforeEach(async () => {
  await server.sandbox.settle();
  server.sandbox.reset();
  server.sandbox.configure({ duplicateStatuses: false, reverseStatuses: false, allowedRecipients: undefined });
  receiver.received.length = 0;
  logs.length = 0;
});

afterAll(async () => {
  await server?.sandbox.settle();
  await server?.close();
  receiver?.closeNow();
  await receiver?.close();
});

const client = (change: Partial<TWhatsAppConfig> = {}) => createWhatsAppClient({ ...config, ...change }, { logger });

async function failureOf(promise: Promise<unknown>): Promise<WhatsAppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WhatsAppError);
  return error as WhatsAppError;
}

/** The status events the receiver got for one wamid, in arrival order, with their signature check. */
function statusesFor(wamid: string) {
  return receiver.received.flatMap((post) =>
    parseWebhook(JSON.parse(post.body))
      .filter((event) => event.type === "status" && event.wamid === wamid)
      .map((event) => ({ ...(event as Extract<typeof event, { type: "status" }>), signed: verifySignature(post.body, post.signature, SECRET) })),
  );
}

describe("sending through the sandbox", () => {
  it("sends an approved template; signed sent → delivered → read arrive with our callback data", async () => {
    const result = await client().sendTemplate({ to: "27821234567", name: "order_update", language: "en", bodyParameters: ["Ann", "Q-2026-0042", "R1,250.00"], callbackData: "msg-42" });
    expect(result).toMatchObject({ wamid: expect.stringMatching(/^wamid\./), waId: "27821234567", messageStatus: "accepted" });
    expect(result.request).toMatchObject({ to: "27821234567", type: "template", biz_opaque_callback_data: "msg-42" });
    expect(JSON.stringify(result.request)).not.toContain(TOKEN);

    await server.sandbox.settle();
    const statuses = statusesFor(result.wamid);
    expect(statuses.map((event) => event.status)).toEqual(["sent", "delivered", "read"]);
    expect(statuses.every((event) => event.signed && event.callbackData === "msg-42" && event.recipientId === "27821234567")).toBe(true);
    expect(statuses[0]).toMatchObject({ pricingCategory: "utility", pricingType: "regular", userId: expect.stringMatching(/^ZA\./) });
    expect(statuses[0]!.timestamp.getTime()).toBeLessThan(statuses[2]!.timestamp.getTime());

    const envelope = JSON.parse(receiver.received[0]!.body);
    expect(envelope).toMatchObject({ object: "whatsapp_business_account", entry: [{ id: WABA_ID, changes: [{ field: "messages", value: { metadata: { phone_number_id: PHONE_NUMBER_ID } } }] }] });
  });

  it("refuses free text outside the 24-hour window, and sends it once the customer has written", async () => {
    const error = await failureOf(client().sendText({ to: "27827654321", body: "Hello", callbackData: "msg-1" }));
    expect(error).toMatchObject({ code: 131047, kind: "window", retryable: false, httpStatus: 400 });
    expect(error.request).toMatchObject({ type: "text", to: "27827654321" });

    const inbound = await server.sandbox.simulateInbound({ from: "27827654321", text: "Hi there", profileName: "Ann", userId: "ZA.42" });
    expect(inbound.status).toBe(200);
    const [message] = parseWebhook(JSON.parse(receiver.received.at(-1)!.body));
    expect(message).toMatchObject({ type: "message", wamid: inbound.wamid, from: "27827654321", userId: "ZA.42", profileName: "Ann", text: "Hi there" });
    expect(verifySignature(receiver.received.at(-1)!.body, receiver.received.at(-1)!.signature, SECRET)).toBe(true);

    const sent = await client().sendText({ to: "27827654321", body: "Hello Ann", replyTo: inbound.wamid, callbackData: "msg-2" });
    expect(sent.wamid).toMatch(/^wamid\./);
    await server.sandbox.settle();
    expect(statusesFor(sent.wamid).map((event) => [event.status, event.pricingType])).toEqual([
      ["sent", "free_customer_service"],
      ["delivered", "free_customer_service"],
      ["read", "free_customer_service"],
    ]);
    expect(server.sandbox.sent.map((message) => message.callbackData)).toEqual(["msg-2"]);
  });

  it("refuses unknown templates, unknown languages and a wrong parameter count like Meta", async () => {
    const send = (name: string, language: string, bodyParameters: string[]) => failureOf(client().sendTemplate({ to: "27821234567", name, language, bodyParameters, callbackData: "m" }));
    expect(await send("no_such", "en", [])).toMatchObject({ code: 132001, kind: "template", httpStatus: 404 });
    expect(await send("quote_ready", "en_US", ["a", "b", "c"])).toMatchObject({ code: 132001 });
    expect(await send("spam_offer", "en", [])).toMatchObject({ code: 132001 });
    expect(await send("holiday_promo", "en", ["Ann"])).toMatchObject({ code: 132015, kind: "template" });
    const mismatch = await send("order_update", "en", ["Ann"]);
    expect(mismatch).toMatchObject({ code: 132000, kind: "template" });
    expect(mismatch.details).toMatch(/\(1\).*\(3\)/);
    expect(await send("hello_world", "en_US", ["extra"])).toMatchObject({ code: 132000 });
    expect(server.sandbox.sent).toHaveLength(0);
  });

  it("fails by recipient number the way Meta fails", async () => {
    const template = (to: string) => client().sendTemplate({ to, name: "hello_world", language: "en_US", bodyParameters: [], callbackData: "m" });
    expect(await failureOf(template("27600131030"))).toMatchObject({ code: 131030, subcode: 2655007, kind: "recipient", httpStatus: 400 });
    expect(await failureOf(template("27600000190"))).toMatchObject({ code: 190, subcode: 463, kind: "auth", httpStatus: 401, title: "Access token expired" });
    expect(await failureOf(template("27600000010"))).toMatchObject({ code: 10, kind: "permission", httpStatus: 403 });
    expect(await failureOf(template("27600130429"))).toMatchObject({ code: 130429, kind: "rate_limit", retryable: true });
    expect(await failureOf(template("27600131056"))).toMatchObject({ code: 131056, retryable: true });
    expect(await failureOf(template("27600131026"))).toMatchObject({ code: 131026, retryable: false });
    expect(await failureOf(template("27600131000"))).toMatchObject({ code: 131000, kind: "temporary", retryable: true, httpStatus: 500 });
    expect(await failureOf(template("27600131016"))).toMatchObject({ code: 131016, retryable: true, httpStatus: 503 });
    expect(await failureOf(template("27600000100"))).toMatchObject({ code: 100, subcode: 33, kind: "config" });
    // Not a known code: the number behaves like any other.
    await expect(template("27600123456")).resolves.toMatchObject({ wamid: expect.stringMatching(/^wamid\./) });
  });

  it("reports a number in the fails-later range as sent, then failed with 131026", async () => {
    const result = await client().sendTemplate({ to: "27610131026", name: "hello_world", language: "en_US", bodyParameters: [], callbackData: "msg-late" });
    await server.sandbox.settle();
    const statuses = statusesFor(result.wamid);
    expect(statuses.map((event) => event.status)).toEqual(["sent", "failed"]);
    expect(statuses[1]).toMatchObject({ callbackData: "msg-late", signed: true, error: { code: 131026, kind: "recipient" } });
  });

  it("refuses a wrong token with 190/401 and a wrong phone number id with 100/33", async () => {
    const template = { to: "27821234567", name: "hello_world", language: "en_US", bodyParameters: [], callbackData: "m" };
    const badToken = await failureOf(client({ accessToken: "nope" }).sendTemplate(template));
    expect(badToken).toMatchObject({ code: 190, kind: "auth", httpStatus: 401, retryable: false });
    expect(badToken.action).toMatch(/WHATSAPP_ACCESS_TOKEN/);
    const badId = await failureOf(client({ phoneNumberId: "999" }).sendTemplate(template));
    expect(badId).toMatchObject({ code: 100, subcode: 33, kind: "config" });
    expect(badId.action).toMatch(/WHATSAPP_PHONE_NUMBER_ID/);
  });

  it("refuses a bad number before calling Meta", async () => {
    const error = await failureOf(client().sendText({ to: "+27821234567", body: "Hi", callbackData: "m" }));
    expect(error).toMatchObject({ kind: "request", code: "invalid_request" });
    expect(logs).toHaveLength(0);
  });

  it("marks an inbound message read", async () => {
    await expect(client().markRead("wamid.IN")).resolves.toEqual({ success: true });
  });

  it("logs method, path, status, time and Meta's code, never the token", async () => {
    await client().getPhoneNumber();
    await failureOf(client().sendText({ to: "27820000001", body: "x", callbackData: "m" }));
    await client().debugToken();
    expect(logs[0]).toMatchObject({ message: "whatsapp call", fields: { method: "GET", path: `/${PHONE_NUMBER_ID}`, status: 200, ms: expect.any(Number) } });
    expect(logs[1]).toMatchObject({ message: "whatsapp call failed", fields: { method: "POST", path: `/${PHONE_NUMBER_ID}/messages`, status: 400, code: 131047 } });
    expect(logs[2]).toMatchObject({ fields: { path: "/debug_token" } });
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
    expect(JSON.stringify(logs)).not.toContain(SECRET);
  });
});

describe("management calls through the sandbox", () => {
  it("lists every template, following the paging cursors", async () => {
    const templates = await client().listTemplates();
    expect(templates.map((template) => `${template.name}/${template.language}/${template.status}`)).toEqual([
      "hello_world/en_US/APPROVED",
      "quote_ready/en/APPROVED",
      "quote_received/en/APPROVED",
      "order_update/en/APPROVED",
      "holiday_promo/en/PAUSED",
      "spam_offer/en/REJECTED",
      "delivery_slot/en/APPROVED",
      "sample_purchase_feedback/en_US/APPROVED",
    ]);
    expect(logs.filter((line) => line.fields?.path === `/${WABA_ID}/message_templates`)).toHaveLength(2);
  });

  it("reads the phone number's fields for the doctor", async () => {
    expect(await client().getPhoneNumber()).toMatchObject({
      id: PHONE_NUMBER_ID,
      name_status: "AVAILABLE_WITHOUT_REVIEW",
      quality_rating: "GREEN",
      throughput: { level: "STANDARD" },
      whatsapp_business_manager_messaging_limit: "TIER_250",
    });
  });

  it("debugs the token with the app token, and returns undefined without an app id", async () => {
    expect(await client().debugToken()).toMatchObject({
      is_valid: true,
      type: "SYSTEM_USER",
      expires_at: 0,
      scopes: expect.arrayContaining(["whatsapp_business_messaging", "whatsapp_business_management"]),
      granular_scopes: expect.arrayContaining([{ scope: "whatsapp_business_messaging", target_ids: [WABA_ID] }]),
    });
    expect(await client({ appId: undefined }).debugToken()).toBeUndefined();
    expect(await failureOf(client({ appSecret: "wrong" }).debugToken())).toMatchObject({ code: 190 });
  });

  it("lists the apps subscribed to the WABA", async () => {
    expect((await client().listSubscribedApps()).data[0]?.whatsapp_business_api_data?.id).toBe("sandbox-app");
  });
});

describe("transport failures", () => {
  it("times out a call that gets no answer, saying the outcome is unknown", async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const error = await failureOf(client({ baseUrl, timeoutMs: 150 }).sendText({ to: "27821234567", body: "x", callbackData: "m" }));
      expect(error).toMatchObject({ code: "timeout", kind: "temporary", outcomeUnknown: true, retryable: true });
      expect(error.request).toMatchObject({ biz_opaque_callback_data: "m" });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it("reports an unreachable server as a network error that sent nothing", async () => {
    // A port that was free a moment ago: the connection is refused.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failureOf(client({ baseUrl: `http://127.0.0.1:${port}` }).sendText({ to: "27821234567", body: "x", callbackData: "m" }));
    expect(error).toMatchObject({ code: "network", retryable: true, outcomeUnknown: false });
  });

  it("maps a 5xx without Meta's envelope to a retryable error", async () => {
    const fetchBadGateway: typeof fetch = async () => new Response("<html>502 Bad Gateway</html>", { status: 502 });
    const error = await failureOf(createWhatsAppClient(config, { fetch: fetchBadGateway, logger }).getPhoneNumber());
    expect(error).toMatchObject({ code: "http_502", kind: "temporary", retryable: true, httpStatus: 502 });
  });
});
