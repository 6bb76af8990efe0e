// Free text that Meta takes and then fails by webhook with 131047 (the customer's 24-hour window
// had closed although our clock said open), end to end: the real database, the outbox, the Graph
// API sandbox over HTTP failing it the way Meta does, its signed webhooks through the app's route,
// and a real SMTP listener. An automatic message goes on as if Meta had refused it at once: the
// event's template, else email, else failed with the reason; once, however often the webhook comes.
// A message an admin wrote stays failed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOutboxHarness, type TOutboxHarness } from "@/test/outbox-harness";
import { createTemplateGate } from "@/lib/templates/send-check";

let h: TOutboxHarness;
let db: typeof import("@/lib/db").db;
let factories: typeof import("@/test/factories");
let signWebhook: typeof import("@/test/webhook-requests").signWebhook;

beforeAll(async () => {
  h = await startOutboxHarness({ sandbox: { windowFailure: "webhook" }, dispatcher: { templates: createTemplateGate() } });
  ({ db } = await import("@/lib/db"));
  factories = await import("@/test/factories");
  ({ signWebhook } = await import("@/test/webhook-requests"));
  const { syncTemplates } = await import("@/lib/templates/sync");
  expect(await syncTemplates(h.whatsapp)).toMatchObject({ ok: true });
});

afterAll(async () => {
  await h?.close();
});

beforeEach(async () => {
  h.sandbox.reset();
  h.smtp.mails.length = 0;
  await db.webhookDelivery.deleteMany();
});

/** A WhatsApp customer who wrote to us within 24 hours by our clock; Meta's clock says otherwise. */
async function customerWithStaleWindow(overrides: Parameters<typeof factories.makeQuote>[0] = {}) {
  const quote = await factories.makeQuote({ contactPreference: "whatsapp", ...overrides });
  await db.customer.update({ where: { id: quote.customerId }, data: { lastInboundWhatsAppAt: new Date() } });
  return quote;
}

async function queueAutomatic(overrides: Parameters<typeof factories.makeQuote>[0] = {}) {
  const { enqueueNotification } = await import("@/lib/message-lifecycle/enqueue");
  const quote = await customerWithStaleWindow(overrides);
  const id = await db.$transaction((tx) => enqueueNotification(tx, { event: "quote.received", customerId: quote.customerId, quoteId: quote.id, version: "v1" }));
  return { quote, messageId: id! };
}

const message = (id: string) => db.message.findUniqueOrThrow({ where: { id }, include: { sendAttempts: { orderBy: { number: "asc" } } } });
const triesOf = async (id: string) => (await message(id)).sendAttempts.map((attempt) => [attempt.channel, attempt.outcome, attempt.errorCode]);
const sentTo = (id: string) => h.sandbox.sent.filter((sent) => sent.callbackData === id);

/** The free text goes out and Meta fails it by webhook with 131047 (no `sent` before it). */
async function sendAndFailLate(messageId: string) {
  await h.dispatcher.drain();
  expect(sentTo(messageId).map((sent) => sent.type)).toEqual(["text"]);
  await h.applyWebhooks();
}

/** Every webhook the sandbox posted so far, posted again as Meta's at-least-once delivery does. */
async function replayWebhooks() {
  for (const delivery of [...h.sandbox.deliveries]) {
    const response = await fetch(delivery.url, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": signWebhook(delivery.body) }, body: delivery.body });
    expect(response.status).toBe(200);
  }
  await h.applyWebhooks();
  await expectEveryDeliveryApplied();
}

/** It went by email, and one email reached the mail server. */
async function expectOneEmail(messageId: string) {
  expect(await message(messageId)).toMatchObject({ channel: "email", status: "sent" });
  expect(h.smtp.mails.filter((mail) => mail.reference === messageId)).toHaveLength(1);
}

/** No delivery failed to apply (it would be retried and then parked for an admin). */
async function expectEveryDeliveryApplied() {
  expect(await db.webhookDelivery.findMany({ where: { OR: [{ processedAt: null }, { lastError: { not: null } }] }, select: { lastError: true } })).toEqual([]);
}

describe("an automatic message failed late with 131047", () => {
  it("goes out as the event's template on WhatsApp, once, however often the failure is delivered", async () => {
    const { messageId } = await queueAutomatic();
    await sendAndFailLate(messageId);
    const requeued = await message(messageId);
    expect(requeued).toMatchObject({ status: "queued", claimedBy: null });
    expect(requeued.sendAttempts[0]).toMatchObject({ outcome: "retry", errorCode: "131047" });

    // The same failure again before the next try: nothing changes.
    await replayWebhooks();
    expect(await message(messageId)).toMatchObject({ status: "queued", attempts: 1 });

    await h.dispatcher.drain();
    await h.applyWebhooks();
    const sent = sentTo(messageId);
    expect(sent.map((item) => item.type)).toEqual(["text", "template"]);
    expect((sent[1]!.body as { template: { name: string } }).template.name).toBe("quote_received");
    expect(await triesOf(messageId)).toEqual([
      ["whatsapp", "retry", "131047"],
      ["whatsapp", "accepted", null],
    ]);
    expect(await message(messageId)).toMatchObject({ channel: "whatsapp", kind: "template", status: "read", fallbackReason: null, errorCode: null });

    // Every webhook again (the text's failure, the template's statuses), after it went on: still one fallback.
    await replayWebhooks();
    await h.dispatcher.drain();
    expect(sentTo(messageId)).toHaveLength(2);
    expect(await message(messageId)).toMatchObject({ status: "read", attempts: 2 });
    expect(h.smtp.mails).toHaveLength(0);
  });

  it("queues one next try when Meta delivers the failure twice at once", async () => {
    h.sandbox.configure({ duplicateStatuses: true });
    try {
      const { messageId } = await queueAutomatic();
      await sendAndFailLate(messageId);
      expect(await db.messageStatusEvent.count({ where: { messageId, status: "failed" } })).toBe(1);
      await h.dispatcher.drain();
      await h.applyWebhooks();
      expect(sentTo(messageId).map((item) => item.type)).toEqual(["text", "template"]);
      expect(await message(messageId)).toMatchObject({ status: "read", attempts: 2 });
    } finally {
      h.sandbox.configure({ duplicateStatuses: false });
    }
  });

  it("goes by email when the template then fails late too (undeliverable), each failure kept", async () => {
    // The sandbox fails this number after `sent`, whatever the message.
    const { messageId } = await queueAutomatic({ phone: "27610131026" });
    await sendAndFailLate(messageId);
    await h.dispatcher.drain();
    await h.applyWebhooks();
    await h.dispatcher.drain();
    expect(sentTo(messageId).map((item) => item.type)).toEqual(["text", "template"]);
    expect(await triesOf(messageId)).toEqual([
      ["whatsapp", "retry", "131047"],
      ["whatsapp", "fallback", "131026"],
      ["email", "accepted", null],
    ]);
    await expectOneEmail(messageId);
    await expectEveryDeliveryApplied();
    // The status history keeps one `failed` per message (the first); the template's is on its try.
    expect((await db.messageStatusEvent.findMany({ where: { messageId, status: "failed" } })).map((event) => event.errorCode)).toEqual(["131047"]);
  });

  it("goes by email when the customer opted out of WhatsApp in the meantime", async () => {
    const { quote, messageId } = await queueAutomatic();
    await h.dispatcher.drain();
    await db.customer.update({ where: { id: quote.customerId }, data: { whatsappOptedOutAt: new Date() } });
    await h.applyWebhooks();
    await h.dispatcher.drain();
    const row = await message(messageId);
    expect(row).toMatchObject({ channel: "email", status: "sent", attempts: 2 });
    expect(row.fallbackReason).toMatch(/opted out of WhatsApp/);
    expect(sentTo(messageId)).toHaveLength(1);
    expect(h.smtp.mails.filter((mail) => mail.reference === messageId)).toHaveLength(1);

    // The text's failure delivered again once the email went (email stops at "sent", below "failed"): no second email.
    await replayWebhooks();
    await h.dispatcher.drain();
    expect(await message(messageId)).toMatchObject({ channel: "email", status: "sent", attempts: 2 });
    expect(h.smtp.mails.filter((mail) => mail.reference === messageId)).toHaveLength(1);
  });

  it("fails with the reason when WhatsApp is closed to the customer and there is no email address", async () => {
    const { quote, messageId } = await queueAutomatic({ email: null });
    await h.dispatcher.drain();
    await db.customer.update({ where: { id: quote.customerId }, data: { whatsappOptedOutAt: new Date() } });
    await h.applyWebhooks();
    await h.dispatcher.drain();
    const row = await message(messageId);
    expect(row).toMatchObject({ status: "failed", errorCode: "no_channel" });
    expect(row.errorDetail).toMatch(/opted out of WhatsApp.*no email address/);
    expect(await triesOf(messageId)).toEqual([
      ["whatsapp", "retry", "131047"],
      ["none", "failed", "no_channel"],
    ]);
    expect(h.smtp.mails).toHaveLength(0);
  });

  it("goes by email when Meta paused the event's template, without calling Meta for it", async () => {
    await h.sandbox.setTemplateStatus({ name: "quote_received", language: "en", event: "PAUSED" });
    await h.applyWebhooks();
    try {
      const { messageId } = await queueAutomatic();
      await sendAndFailLate(messageId);
      await h.dispatcher.drain();
      expect(sentTo(messageId)).toHaveLength(1);
      expect(await triesOf(messageId)).toEqual([
        ["whatsapp", "retry", "131047"],
        ["whatsapp", "fallback", "132015"],
        ["email", "accepted", null],
      ]);
      await expectOneEmail(messageId);
    } finally {
      await h.sandbox.setTemplateStatus({ name: "quote_received", language: "en", event: "APPROVED" });
      await h.applyWebhooks();
    }
  });
});

describe("a message an admin wrote, failed late with 131047", () => {
  it("stays failed with the reason and is not sent again by itself", async () => {
    const { createQueuedMessage } = await import("@/lib/message-lifecycle/transitions");
    const quote = await customerWithStaleWindow();
    const { id } = await createQueuedMessage(db, { channel: "whatsapp", origin: "admin", kind: "text", body: "Your hamper is ready.", customerId: quote.customerId, quoteId: quote.id }, new Date());
    await sendAndFailLate(id);
    await h.dispatcher.drain();
    const row = await message(id);
    expect(row).toMatchObject({ status: "failed", errorCode: "131047", errorTitle: "More than 24 hours since the customer last wrote" });
    expect(await triesOf(id)).toEqual([["whatsapp", "accepted", null]]);
    expect(sentTo(id)).toHaveLength(1);
    expect(h.smtp.mails).toHaveLength(0);
  });
});
