// STOP and START end to end below the browser: the customer writes through the Graph API sandbox,
// its signed webhook is stored and applied on a real database, the confirmation goes out through
// the outbox, and later messages take the channel the opt-out leaves (real SMTP listener).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOutboxHarness, type TOutboxHarness } from "@/test/outbox-harness";

let h: TOutboxHarness;
let db: typeof import("@/lib/db").db;
let factories: typeof import("@/test/factories");
let enqueue: typeof import("@/lib/message-lifecycle/enqueue").enqueueNotification;
let queueWhatsAppForQuote: typeof import("@/lib/outbox/manual-send").queueWhatsAppForQuote;
let retryMessage: typeof import("@/lib/outbox/retry").retryMessage;
let adminId: string;

beforeAll(async () => {
  h = await startOutboxHarness();
  ({ db } = await import("@/lib/db"));
  factories = await import("@/test/factories");
  ({ enqueueNotification: enqueue } = await import("@/lib/message-lifecycle/enqueue"));
  ({ queueWhatsAppForQuote } = await import("@/lib/outbox/manual-send"));
  ({ retryMessage } = await import("@/lib/outbox/retry"));
  adminId = (await factories.makeAdmin()).id;
});

afterAll(async () => {
  await h?.close();
});

beforeEach(async () => {
  h.sandbox.reset();
  h.smtp.mails.length = 0;
  await db.optOutSetting.deleteMany();
});

/** The customer writes `text` on WhatsApp; the webhook is applied and the outbox drained. */
async function customerWrites(phone: string, text: string) {
  await h.sandbox.simulateInbound({ from: phone, text });
  await h.applyWebhooks();
  await h.dispatcher.drain();
  await h.applyWebhooks();
}

const customerRow = (id: string) => db.customer.findUniqueOrThrow({ where: { id } });
const consentEvents = (customerId: string) => db.consentEvent.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } });
const confirmations = (customerId: string) =>
  db.message.findMany({ where: { customerId, direction: "outbound", origin: { startsWith: "system:whatsapp-opt" } }, orderBy: { createdAt: "asc" } });
const sentTo = (phone: string) => h.sandbox.sent.filter((message) => message.to === phone);

describe("STOP", () => {
  it("opts the customer out, records it as theirs, and confirms once in free text saying how to come back", async () => {
    const customer = await factories.makeCustomer();
    await customerWrites(customer.phone!, "Stop.");
    const row = await customerRow(customer.id);
    expect(row.whatsappOptedOutAt).toBeInstanceOf(Date);
    expect(await consentEvents(customer.id)).toMatchObject([{ channel: "whatsapp", action: "withdrawn", source: "whatsapp-inbound", actorId: null }]);
    const [confirmation, ...more] = await confirmations(customer.id);
    expect(more).toEqual([]);
    expect(confirmation).toMatchObject({ channel: "whatsapp", kind: "text", origin: "system:whatsapp-opt-out" });
    expect(["accepted", "sent", "delivered", "read"]).toContain(confirmation!.status);
    const sent = sentTo(customer.phone!);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.type).toBe("text");
    expect(JSON.stringify(sent[0]!.body)).toContain("reply START");
  });

  it("sends no second confirmation and records nothing more when the customer says it again", async () => {
    const customer = await factories.makeCustomer();
    await customerWrites(customer.phone!, "STOP");
    const optedOutAt = (await customerRow(customer.id)).whatsappOptedOutAt;
    await customerWrites(customer.phone!, " unsubscribe! ");
    await customerWrites(customer.phone!, "stop");
    expect((await customerRow(customer.id)).whatsappOptedOutAt).toEqual(optedOutAt);
    expect(await consentEvents(customer.id)).toHaveLength(1);
    expect(await confirmations(customer.id)).toHaveLength(1);
    expect(sentTo(customer.phone!)).toHaveLength(1);
  });

  it("is not a word inside a sentence", async () => {
    const customer = await factories.makeCustomer();
    await customerWrites(customer.phone!, "stop please");
    await customerWrites(customer.phone!, "Please stop the ribbon, I prefer twine");
    expect((await customerRow(customer.id)).whatsappOptedOutAt).toBeNull();
    expect(await confirmations(customer.id)).toEqual([]);
  });

  it("also takes the words set in settings", async () => {
    await db.optOutSetting.create({ data: { id: "whatsapp", words: JSON.stringify(["ALTO", "NOMORE"]) } });
    const customer = await factories.makeCustomer();
    await customerWrites(customer.phone!, "No more!");
    expect((await customerRow(customer.id)).whatsappOptedOutAt).toBeInstanceOf(Date);
    expect(await confirmations(customer.id)).toHaveLength(1);
  });
});

describe("an opt-out button", () => {
  /** The customer taps a button on one of our messages; the webhook is applied and the outbox drained. */
  async function customerTaps(phone: string, message: Parameters<TOutboxHarness["sandbox"]["sendFromCustomer"]>[0]["message"]) {
    await h.sandbox.sendFromCustomer({ from: phone, message, replyTo: `wamid.marketing-${randomUUID()}` });
    await h.applyWebhooks();
    await h.dispatcher.drain();
    await h.applyWebhooks();
  }

  it("Meta's marketing opt-out quick reply opts the customer out as STOP does, with one confirmation however often it comes", async () => {
    const customer = await factories.makeCustomer();
    await customerTaps(customer.phone!, { type: "button", text: "Stop promotions", payload: "Stop promotions" });
    const row = await customerRow(customer.id);
    expect(row.whatsappOptedOutAt).toBeInstanceOf(Date);
    expect(await consentEvents(customer.id)).toMatchObject([{ action: "withdrawn", source: "whatsapp-inbound", text: 'The customer tapped "Stop promotions" on WhatsApp.' }]);
    await customerTaps(customer.phone!, { type: "button", text: "Stop promotions" });
    const [confirmation, ...more] = await confirmations(customer.id);
    expect(more).toEqual([]);
    expect(confirmation).toMatchObject({ origin: "system:whatsapp-opt-out", kind: "text" });
    expect(sentTo(customer.phone!)).toHaveLength(1);
    expect((await customerRow(customer.id)).whatsappOptedOutAt).toEqual(row.whatsappOptedOutAt);
  });

  it("a button whose payload is STOP, and an interactive reply button, opt out too", async () => {
    const byPayload = await factories.makeCustomer();
    await customerTaps(byPayload.phone!, { type: "button", text: "No more offers", payload: "STOP" });
    expect((await customerRow(byPayload.id)).whatsappOptedOutAt).toBeInstanceOf(Date);
    const byReply = await factories.makeCustomer();
    await customerTaps(byReply.phone!, { type: "button_reply", id: "unsubscribe", title: "Opt out" });
    expect((await customerRow(byReply.id)).whatsappOptedOutAt).toBeInstanceOf(Date);
    expect(await confirmations(byReply.id)).toHaveLength(1);
  });

  it("any other button changes nothing", async () => {
    const customer = await factories.makeCustomer();
    await customerTaps(customer.phone!, { type: "button", text: "Tell me more", payload: "MORE" });
    await customerTaps(customer.phone!, { type: "list_reply", id: "stop", title: "Stop" });
    expect((await customerRow(customer.id)).whatsappOptedOutAt).toBeNull();
    expect(await confirmations(customer.id)).toEqual([]);
  });
});

describe("START", () => {
  it("opts an opted-out customer back in as consent from the customer, with one confirmation", async () => {
    const customer = await factories.makeCustomer();
    await customerWrites(customer.phone!, "STOP");
    await customerWrites(customer.phone!, "start");
    const row = await customerRow(customer.id);
    expect(row).toMatchObject({ whatsappOptedOutAt: null, whatsappConsentSource: "whatsapp-inbound" });
    expect((await consentEvents(customer.id)).map((event) => [event.action, event.source])).toEqual([
      ["withdrawn", "whatsapp-inbound"],
      ["granted", "whatsapp-inbound"],
    ]);
    expect((await confirmations(customer.id)).map((message) => message.origin)).toEqual(["system:whatsapp-opt-out", "system:whatsapp-opt-in"]);
    // Repeated while already in: nothing new.
    await customerWrites(customer.phone!, "START");
    expect(await confirmations(customer.id)).toHaveLength(2);
    expect(await consentEvents(customer.id)).toHaveLength(2);
  });
});

describe("after STOP", () => {
  async function optedOutQuote(overrides: Parameters<typeof factories.makeQuote>[0] = {}) {
    const quote = await factories.makeQuote(overrides);
    const customer = await customerRow(quote.customerId);
    await customerWrites(customer.phone!, "STOP");
    h.sandbox.reset();
    return { quote, customer };
  }

  async function queueAutomatic(quote: { id: string; customerId: string }) {
    const id = await db.$transaction((tx) => enqueue(tx, { event: "quote.received", customerId: quote.customerId, quoteId: quote.id, version: randomUUID() }));
    await h.dispatcher.drain();
    return db.message.findUniqueOrThrow({ where: { id: id! } });
  }

  it("sends an automatic message by email, saying when the customer opted out", async () => {
    const { quote, customer } = await optedOutQuote();
    const message = await queueAutomatic(quote);
    expect(message).toMatchObject({ channel: "email", status: "sent", recipient: customer.email });
    expect(message.fallbackReason).toMatch(/opted out of WhatsApp on /);
    expect(h.smtp.mails.map((mail) => mail.to)).toContain(customer.email);
    expect(h.sandbox.sent).toEqual([]);
  });

  it("fails an automatic message with that reason when there is no email, and Retry is refused with what to fix", async () => {
    const { quote } = await optedOutQuote({ email: null });
    const message = await queueAutomatic(quote);
    expect(message).toMatchObject({ status: "failed", errorCode: "no_channel" });
    expect(message.errorDetail).toMatch(/opted out of WhatsApp on .*no email address/);
    await expect(retryMessage({ messageId: message.id, expectedAttempts: message.attempts }, adminId)).rejects.toThrow(/opted out of WhatsApp.*START/);
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("failed");
  });

  it("refuses the admin's WhatsApp message with that reason", async () => {
    const { quote } = await optedOutQuote();
    const send = queueWhatsAppForQuote(
      { kind: "template", quoteId: quote.id, idempotencyKey: randomUUID(), templateName: "order_update", language: "en", parameters: ["Ann", "Q-1", "R1"] },
      adminId,
    );
    await expect(send).rejects.toThrow(/opted out of WhatsApp on /);
    expect(await db.message.count({ where: { quoteId: quote.id, origin: "admin" } })).toBe(0);
  });

  it("refuses the inbox's reply with that reason, even inside the window STOP opened", async () => {
    const { customer } = await optedOutQuote();
    const { queueWhatsAppForCustomer } = await import("@/lib/outbox/manual-send");
    const reply = queueWhatsAppForCustomer({ kind: "text", customerId: customer.id, body: "Sorry to see you go!", idempotencyKey: randomUUID() }, adminId);
    await expect(reply).rejects.toThrow(/opted out of WhatsApp on /);
    expect(await db.message.count({ where: { customerId: customer.id, origin: "admin" } })).toBe(0);
  });

  it("does not send an admin's message queued just before the STOP arrived", async () => {
    const quote = await factories.makeQuote();
    const customer = await customerRow(quote.customerId);
    const { messageId } = await queueWhatsAppForQuote(
      { kind: "template", quoteId: quote.id, idempotencyKey: randomUUID(), templateName: "order_update", language: "en", parameters: ["Ann", "Q-1", "R1"] },
      adminId,
    );
    await h.sandbox.simulateInbound({ from: customer.phone!, text: "STOP" });
    await h.applyWebhooks();
    await h.dispatcher.drain();
    const message = await db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(message).toMatchObject({ status: "failed", errorCode: "no_channel" });
    expect(message.errorDetail).toMatch(/opted out of WhatsApp/);
    expect(h.sandbox.sent.filter((sent) => sent.callbackData === messageId)).toEqual([]);
    await expect(retryMessage({ messageId, expectedAttempts: message.attempts }, adminId)).rejects.toThrow(/opted out of WhatsApp.*START/);
  });
});

describe("a customer known only by username", () => {
  it("is created from their message with the username, no phone, and their STOP applies", async () => {
    const { applyWhatsAppEvents } = await import("@/lib/messages/apply-whatsapp-events");
    const userId = `ZA.${Date.now()}`;
    const wamid = `wamid.${randomUUID()}`;
    const raw = { from_user_id: userId, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: "STOP" } };
    const event = { type: "message" as const, wamid, userId, username: "naledi_bakes", profileName: "Naledi", kind: "text", text: "STOP", timestamp: new Date(), raw };
    await db.$transaction((tx) => applyWhatsAppEvents(tx, [event]));
    const customer = await db.customer.findUniqueOrThrow({ where: { whatsappUserId: userId } });
    expect(customer).toMatchObject({ phone: null, whatsappUsername: "naledi_bakes", whatsappOptedOutAt: expect.any(Date) });
    expect(await confirmations(customer.id)).toMatchObject([{ recipient: userId }]);
  });

  it("is messaged through `recipient`, never `to`, and the sandbox answers with the user id", async () => {
    const userId = "ZA.40000000000000001";
    const customer = await db.customer.create({
      data: { name: "ann_m", whatsappUserId: userId, whatsappUsername: "ann_m", contactPreference: "whatsapp", whatsappConsentAt: new Date(), lastInboundWhatsAppAt: new Date() },
    });
    h.sandbox.setLastInbound(userId, new Date());
    const id = await db.$transaction(async (tx) => {
      const { applyWhatsAppKeyword } = await import("@/lib/customers/opt-out");
      return (await applyWhatsAppKeyword(tx, { customerId: customer.id, text: "STOP", wamid: `wamid.${randomUUID()}`, at: new Date() }))!.confirmationId!;
    });
    await h.dispatcher.drain();
    const sent = h.sandbox.sent.find((message) => message.callbackData === id);
    expect(sent?.body).toMatchObject({ recipient: userId, type: "text" });
    expect(sent?.body).not.toHaveProperty("to");
    expect(await db.message.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: expect.stringMatching(/accepted|sent|delivered|read/), recipient: userId });
  });
});
