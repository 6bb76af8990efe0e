// The sandbox on its own, through handle() (no sockets), with its webhooks captured by an
// injected fetch: Meta's payload checks, the management endpoints, the delivery options and
// the retries.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { describe, expect, it } from "vitest";
import { createGraphSandbox, type TSandboxOptions } from "@/lib/whatsapp/sandbox";
import { parseWebhook, verifySignature, type TWebhookEvent } from "@/lib/whatsapp/webhook";

const SECRET = "app-secret";
const TOKEN = "token-1";
const PNID = "111";
const WABA = "222";

type TPosted = { url: string; body: string; signature: string | null };

function setup(options: Partial<TSandboxOptions> = {}, answer: (count: number) => number | Error = () => 200) {
  const posted: TPosted[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    posted.push({ url: String(input), body: String(init?.body), signature: new Headers(init?.headers).get("x-hub-signature-256") });
    const outcome = answer(posted.length);
    if (outcome instanceof Error) throw outcome;
    return new Response(null, { status: outcome });
  };
  const sandbox = createGraphSandbox({
    appSecret: SECRET,
    accessToken: TOKEN,
    phoneNumberId: PNID,
    wabaId: WABA,
    webhookUrl: "http://app.test/api/webhooks/whatsapp",
    webhookDelayMs: 1,
    webhookRetryDelaysMs: [1, 1, 1],
    fetch: recordingFetch,
    ...options,
  });
  const call = async (method: string, path: string, body?: unknown, token: string | null = TOKEN) => {
    const response = await sandbox.handle(
      new Request(`http://sandbox.test${path}`, {
        method,
        headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), "content-type": "application/json" },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      }),
    );
    // The tests read deep into Meta's JSON shapes; typing every path would only add noise.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, json: (await response.json()) as Record<string, any> };
  };
  const send = (body: Record<string, unknown>) => call("POST", `/v26.0/${PNID}/messages`, { messaging_product: "whatsapp", recipient_type: "individual", ...body });
  const events = () => posted.flatMap((post) => parseWebhook(JSON.parse(post.body)));
  return { sandbox, posted, call, send, events };
}

const text = (to: string, body = "Hello") => ({ to, type: "text", text: { body } });
const template = (to: string, name: string, language: string, parameters?: string[]) => ({
  to,
  type: "template",
  template: { name, language: { code: language }, ...(parameters ? { components: [{ type: "body", parameters: parameters.map((value) => ({ type: "text", text: value })) }] } : {}) },
});
const statuses = (events: TWebhookEvent[]) => events.flatMap((event) => (event.type === "status" ? [event.status] : []));

describe("the failure-number ranges", () => {
  it("are valid South African mobile numbers, so they pass the quote form", () => {
    for (const number of ["+27600131030", "+27600000190", "+27610131026", "+27610000000"]) {
      const parsed = parsePhoneNumberFromString(number);
      expect(parsed?.isValid(), number).toBe(true);
      expect(parsed?.country, number).toBe("ZA");
    }
  });
});

describe("POST /{phone-number-id}/messages", () => {
  it("answers Meta's success shape with a fresh wamid and records what it accepted", async () => {
    const { sandbox, send } = setup();
    await sandbox.simulateInbound({ from: "27821234567", text: "hi" });
    const first = await send({ ...text("27821234567"), biz_opaque_callback_data: "msg-1" });
    const second = await send(text("27821234567"));
    expect(first).toMatchObject({ status: 200, json: { messaging_product: "whatsapp", contacts: [{ input: "27821234567", wa_id: "27821234567" }], messages: [{ message_status: "accepted" }] } });
    expect(first.json.messages[0].id).toMatch(/^wamid\./);
    expect(first.json.messages[0].id).not.toBe(second.json.messages[0].id);
    expect(sandbox.sent.map((message) => [message.to, message.type, message.callbackData])).toEqual([
      ["27821234567", "text", "msg-1"],
      ["27821234567", "text", undefined],
    ]);
  });

  it("checks the payload like Meta", async () => {
    const { sandbox, send, call } = setup();
    await sandbox.simulateInbound({ from: "27821234567", text: "hi" });
    expect(await call("POST", `/v26.0/${PNID}/messages`, text("27821234567"))).toMatchObject({ status: 400, json: { error: { code: 100 } } });
    expect(await call("POST", `/v26.0/${PNID}/messages`, "{not json")).toMatchObject({ status: 400, json: { error: { code: 100 } } });
    expect(await send(text("+27821234567"))).toMatchObject({ status: 400, json: { error: { code: 131009 } } });
    expect(await send({ ...text("27821234567"), recipient_type: "group" })).toMatchObject({ json: { error: { code: 100 } } });
    expect(await send(text("27821234567", ""))).toMatchObject({ json: { error: { code: 100 } } });
    expect(await send(text("27821234567", "x".repeat(4097)))).toMatchObject({ json: { error: { code: 100, message: expect.stringContaining("4096") } } });
    expect((await send(text("27821234567", "x".repeat(4096)))).status).toBe(200);
    expect(await send({ ...text("27821234567"), biz_opaque_callback_data: "c".repeat(513) })).toMatchObject({ json: { error: { code: 100 } } });
    expect(await send({ to: "27821234567", type: "image", image: { link: "https://x/y.png" } })).toMatchObject({ json: { error: { code: 131051 } } });
    expect(await send({ to: "27821234567", type: "template", template: { language: { code: "en" } } })).toMatchObject({ json: { error: { code: 100 } } });
    expect(sandbox.sent).toHaveLength(1);
  });

  it("enforces the 24-hour window for text, not for templates", async () => {
    const { sandbox, send } = setup();
    expect(await send(text("27821234567"))).toMatchObject({ status: 400, json: { error: { code: 131047 } } });
    expect((await send(template("27821234567", "hello_world", "en_US"))).status).toBe(200);
    sandbox.setLastInbound("27821234567", new Date(Date.now() - 23 * 3_600_000));
    expect((await send(text("27821234567"))).status).toBe(200);
    sandbox.setLastInbound("27821234567", new Date(Date.now() - 25 * 3_600_000));
    expect((await send(text("27821234567"))).json.error.code).toBe(131047);
  });

  it("checks templates: unknown, not approved, paused, parameter count", async () => {
    const { send } = setup();
    expect(await send(template("27821234567", "nope", "en"))).toMatchObject({ status: 404, json: { error: { code: 132001 } } });
    expect((await send(template("27821234567", "hello_world", "en"))).json.error.code).toBe(132001);
    expect((await send(template("27821234567", "spam_offer", "en"))).json.error.code).toBe(132001);
    expect((await send(template("27821234567", "holiday_promo", "en", ["Ann"]))).json.error.code).toBe(132015);
    expect((await send(template("27821234567", "order_update", "en", ["Ann", "Q-1"]))).json.error.code).toBe(132000);
    expect((await send(template("27821234567", "order_update", "en", ["Ann", "Q-1", "R1", "extra"]))).json.error.code).toBe(132000);
    const headerless = { ...template("27821234567", "order_update", "en", ["Ann", "Q-1", "R1"]) };
    headerless.template.components!.push({ type: "header", parameters: [{ type: "text", text: "x" }] });
    expect((await send(headerless)).json.error.code).toBe(132000);
    expect((await send(template("27821234567", "order_update", "en", ["Ann", "Q-1", "R1"]))).status).toBe(200);
  });

  it("acts as a test number with an allowed list (131030 for others)", async () => {
    const { send, sandbox } = setup({ allowedRecipients: ["27821234567"] });
    expect((await send(template("27821234567", "hello_world", "en_US"))).status).toBe(200);
    expect(await send(template("27829999999", "hello_world", "en_US"))).toMatchObject({ status: 400, json: { error: { code: 131030 } } });
    sandbox.configure({ allowedRecipients: undefined });
    expect((await send(template("27829999999", "hello_world", "en_US"))).status).toBe(200);
  });

  it("answers 190/401 for a missing or wrong token and 100/33 for another phone number id", async () => {
    const { call } = setup();
    expect(await call("POST", `/v26.0/${PNID}/messages`, template("27821234567", "hello_world", "en_US"), null)).toMatchObject({ status: 401, json: { error: { code: 190 } } });
    expect(await call("POST", `/v26.0/${PNID}/messages`, template("27821234567", "hello_world", "en_US"), "wrong")).toMatchObject({ status: 401, json: { error: { code: 190, error_subcode: 467 } } });
    expect(await call("POST", `/v26.0/${PNID}/messages`, template("27821234567", "hello_world", "en_US"), `app|${SECRET}`)).toMatchObject({ status: 401 });
    expect(await call("POST", "/v26.0/999/messages", { messaging_product: "whatsapp", ...template("27821234567", "hello_world", "en_US") })).toMatchObject({
      status: 400,
      json: { error: { code: 100, error_subcode: 33, fbtrace_id: expect.any(String) } },
    });
  });

  it("marks a message read", async () => {
    const { send } = setup();
    expect(await send({ status: "read", message_id: "wamid.IN" })).toEqual({ status: 200, json: { success: true } });
    expect((await send({ status: "read" })).json.error.code).toBe(100);
  });
});

describe("status webhooks", () => {
  it("posts sent, delivered, read, signed over the exact bytes, with Meta's envelope", async () => {
    const { sandbox, send, posted, events } = setup();
    const { json } = await send({ ...template("27821234567", "order_update", "en", ["Ann", "Q-1", "R1"]), biz_opaque_callback_data: "msg-9" });
    await sandbox.settle();
    expect(posted).toHaveLength(3);
    expect(posted.every((post) => post.url === "http://app.test/api/webhooks/whatsapp" && verifySignature(post.body, post.signature, SECRET))).toBe(true);
    expect(statuses(events())).toEqual(["sent", "delivered", "read"]);
    const value = JSON.parse(posted[0]!.body).entry[0].changes[0].value;
    expect(value).toMatchObject({
      messaging_product: "whatsapp",
      metadata: { phone_number_id: PNID },
      contacts: [{ wa_id: "27821234567", user_id: expect.stringMatching(/^ZA\.\d+$/) }],
      statuses: [
        {
          id: json.messages[0].id,
          status: "sent",
          recipient_id: "27821234567",
          recipient_user_id: expect.stringMatching(/^ZA\./),
          biz_opaque_callback_data: "msg-9",
          pricing: { billable: true, pricing_model: "PMP", category: "utility", type: "regular" },
        },
      ],
    });
    expect(JSON.parse(posted[0]!.body).entry[0].id).toBe(WABA);
    expect(sandbox.deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200]);
  });

  it("duplicates and reverses deliveries when asked, keeping the true event times", async () => {
    const { sandbox, send, events } = setup({ duplicateStatuses: true, reverseStatuses: true });
    await send(template("27821234567", "hello_world", "en_US"));
    await sandbox.settle();
    const list = events().flatMap((event) => (event.type === "status" ? [event] : []));
    expect(list.map((event) => event.status)).toEqual(["read", "read", "delivered", "delivered", "sent", "sent"]);
    expect(list[0]!.timestamp.getTime()).toBeGreaterThan(list[4]!.timestamp.getTime());
  });

  it("sends sent then failed (131026 in statuses[].errors) for the fails-later range", async () => {
    const { sandbox, send, events, posted } = setup();
    const first = await send({ ...template("27610131026", "hello_world", "en_US"), biz_opaque_callback_data: "late" });
    await sandbox.settle();
    const second = await send(template("27610131050", "hello_world", "en_US"));
    await sandbox.settle();
    const failed = events().flatMap((event) => (event.type === "status" && event.status === "failed" ? [event] : []));
    expect(statuses(events())).toEqual(["sent", "failed", "sent", "failed"]);
    expect(failed.map((event) => [event.wamid, event.error?.code])).toEqual([
      [first.json.messages[0].id, 131026],
      [second.json.messages[0].id, 131050],
    ]);
    expect(failed[0]).toMatchObject({ callbackData: "late", error: { kind: "recipient" } });
    expect(JSON.parse(posted[1]!.body).entry[0].changes[0].value.statuses[0].errors[0]).toMatchObject({ code: 131026, title: expect.any(String) });
  });

  it("retries a webhook the app refuses or misses, and never throws", async () => {
    const { sandbox, send, posted } = setup({}, (count) => (count === 1 ? new Error("ECONNREFUSED") : count === 2 ? 503 : 200));
    await send(template("27821234567", "hello_world", "en_US"));
    await sandbox.settle();
    expect(sandbox.deliveries[0]).toMatchObject({ status: 200, attempts: 3 });
    expect(posted[0]!.body).toBe(posted[2]!.body);

    const down = setup({}, () => new Error("down"));
    await down.send(template("27821234567", "hello_world", "en_US"));
    await down.sandbox.settle();
    expect(down.sandbox.deliveries.map((delivery) => [delivery.status, delivery.attempts])).toEqual([
      [0, 4],
      [0, 4],
      [0, 4],
    ]);
  });

  it("drops pending webhooks on reset", async () => {
    const { sandbox, send, posted } = setup({ webhookDelayMs: 20 });
    await send(template("27821234567", "hello_world", "en_US"));
    sandbox.reset();
    await sandbox.settle();
    expect(posted).toHaveLength(0);
    expect(sandbox.sent).toHaveLength(0);
  });
});

describe("simulateInbound", () => {
  it("posts a signed inbound text with profile name, wa_id and BSUID, and opens the window", async () => {
    const { sandbox, posted, send } = setup();
    const result = await sandbox.simulateInbound({ from: "27821234567", text: "Yes please", profileName: "Ann" });
    expect(result.status).toBe(200);
    expect(verifySignature(posted[0]!.body, posted[0]!.signature, SECRET)).toBe(true);
    const value = JSON.parse(posted[0]!.body).entry[0].changes[0].value;
    expect(value.contacts).toEqual([{ profile: { name: "Ann" }, wa_id: "27821234567", user_id: result.userId }]);
    expect(value.messages[0]).toMatchObject({ from: "27821234567", from_user_id: result.userId, id: result.wamid, type: "text", text: { body: "Yes please" } });
    expect(parseWebhook(JSON.parse(posted[0]!.body))[0]).toMatchObject({ type: "message", userId: result.userId, profileName: "Ann" });
    expect((await send(text("27821234567"))).status).toBe(200);
  });

  it("gives a number the same BSUID every time, and a given one when asked", async () => {
    const { sandbox } = setup();
    const first = await sandbox.simulateInbound({ from: "27821234567", text: "a" });
    const second = await sandbox.simulateInbound({ from: "27821234567", text: "b" });
    expect(first.userId).toBe(second.userId);
    expect((await sandbox.simulateInbound({ from: "27821234567", text: "c", userId: "ZA.1" })).userId).toBe("ZA.1");
  });
});

describe("management endpoints", () => {
  it("returns the phone number's fields, only those asked for", async () => {
    const { call } = setup();
    const all = await call("GET", `/v26.0/${PNID}?fields=display_phone_number,verified_name,name_status,quality_rating,code_verification_status,status,platform_type,throughput,whatsapp_business_manager_messaging_limit`);
    expect(all.json).toMatchObject({ id: PNID, name_status: "AVAILABLE_WITHOUT_REVIEW", quality_rating: "GREEN", status: "CONNECTED", throughput: { level: "STANDARD" }, whatsapp_business_manager_messaging_limit: "TIER_250" });
    expect((await call("GET", `/v26.0/${PNID}?fields=quality_rating`)).json).toEqual({ id: PNID, quality_rating: "GREEN" });
    expect(await call("GET", "/v26.0/333?fields=quality_rating")).toMatchObject({ status: 400, json: { error: { code: 100, error_subcode: 33 } } });
  });

  it("pages templates by limit and cursor, without `next` on the last page", async () => {
    const { call } = setup();
    const first = await call("GET", `/v26.0/${WABA}/message_templates?limit=4`);
    expect(first.json.data).toHaveLength(4);
    expect(first.json.paging.next).toEqual(expect.any(String));
    const second = await call("GET", `/v26.0/${WABA}/message_templates?limit=4&after=${first.json.paging.cursors.after}`);
    expect(second.json.data.map((template: { name: string }) => template.name)).toEqual(["holiday_promo", "spam_offer", "delivery_slot", "sample_purchase_feedback"]);
    expect(second.json.paging.next).toBeUndefined();
    expect((await call("GET", `/v26.0/${WABA}/message_templates?status=APPROVED`)).json.data).toHaveLength(6);
  });

  it("answers debug_token for the app token: valid, system user, never expires, both scopes", async () => {
    const { call } = setup({ appId: "app-1" });
    const valid = await call("GET", `/v26.0/debug_token?input_token=${TOKEN}`, undefined, `app-1|${SECRET}`);
    expect(valid.json.data).toMatchObject({ is_valid: true, type: "SYSTEM_USER", expires_at: 0, scopes: ["whatsapp_business_messaging", "whatsapp_business_management"] });
    expect((await call("GET", "/v26.0/debug_token?input_token=other", undefined, `app-1|${SECRET}`)).json.data).toMatchObject({ is_valid: false });
    expect((await call("GET", `/v26.0/debug_token?input_token=${TOKEN}`, undefined, `app-2|${SECRET}`)).status).toBe(401);
  });

  it("lists subscribed apps and phone numbers, and refuses unknown paths", async () => {
    const { call } = setup();
    expect((await call("GET", `/v26.0/${WABA}/subscribed_apps`)).json.data[0].whatsapp_business_api_data.id).toBe("sandbox-app");
    expect((await call("GET", `/v26.0/${WABA}/phone_numbers`)).json.data[0].id).toBe(PNID);
    expect((await call("GET", `/v26.0/${WABA}/nothing`)).status).toBe(400);
    expect((await call("GET", "/graph/v26.0/x")).json.error.code).toBe(100);
  });
});

describe("pricing on status webhooks", () => {
  const pricingOf = (posted: TPosted[]) => posted.map((post) => JSON.parse(post.body).entry[0].changes[0].value.statuses[0].pricing);

  it("prices as Meta does since July 2025: a reply in the window is free service, a utility template in it is free, others are billable", async () => {
    const { sandbox, send, posted } = setup();
    sandbox.setLastInbound("27821234567", new Date());
    await send(text("27821234567"));
    await sandbox.settle();
    await send(template("27821234567", "order_update", "en", ["Ann", "Q-1", "R1"]));
    await sandbox.settle();
    const prices = pricingOf(posted);
    expect(prices.slice(0, 3)).toEqual(Array(3).fill({ billable: false, pricing_model: "PMP", category: "service", type: "free_customer_service" }));
    expect(prices.slice(3)).toEqual(Array(3).fill({ billable: false, pricing_model: "PMP", category: "utility", type: "free_customer_service" }));
    posted.length = 0;
    sandbox.setLastInbound("27821234567", null);
    await send(template("27821234567", "order_update", "en", ["Ann", "Q-1", "R1"]));
    await sandbox.settle();
    expect(pricingOf(posted)).toEqual(Array(3).fill({ billable: true, pricing_model: "PMP", category: "utility", type: "regular" }));
  });

  it("leaves pricing off a failed status, as Meta does", async () => {
    const { sandbox, send, posted } = setup();
    await send(template("27610131026", "hello_world", "en_US"));
    await sandbox.settle();
    const statusesPosted = posted.map((post) => JSON.parse(post.body).entry[0].changes[0].value.statuses[0]);
    expect(statusesPosted.map((status) => [status.status, status.pricing?.type])).toEqual([["sent", "regular"], ["failed", undefined]]);
  });
});
