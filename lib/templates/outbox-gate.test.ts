// The outbox with the template gate, against the sandbox over HTTP and a real SMTP listener: an
// automatic message whose template Meta paused is refused before any call to Meta (Meta's code
// 132015 on the try, with the stored reason) and goes by email; once Meta approves it again, the
// next one goes by WhatsApp; a named template goes out with its parameter names.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { startOutboxHarness, type TOutboxHarness } from "@/test/outbox-harness";
import { createTemplateGate } from "@/lib/templates/send-check";

let h: TOutboxHarness;
let db: typeof import("@/lib/db").db;

beforeAll(async () => {
  h = await startOutboxHarness({ dispatcher: { templates: createTemplateGate() } });
  ({ db } = await import("@/lib/db"));
  const { syncTemplates } = await import("@/lib/templates/sync");
  expect(await syncTemplates(h.whatsapp)).toMatchObject({ ok: true, templates: 8 });
});

afterAll(async () => {
  await h?.close();
});

beforeEach(() => {
  h.sandbox.reset();
});

async function queueQuoteReceived() {
  const factories = await import("@/test/factories");
  const { enqueueNotification } = await import("@/lib/message-lifecycle/enqueue");
  // Never wrote to us on WhatsApp: outside the window, the event's template (quote_received).
  const quote = await factories.makeQuote({ contactPreference: "whatsapp" });
  await db.$transaction((tx) => enqueueNotification(tx, { event: "quote.received", customerId: quote.customerId, quoteId: quote.id, version: "v1" }));
  return db.message.findFirstOrThrow({ where: { quoteId: quote.id } });
}

it("refuses a paused template before calling Meta and sends the message by email instead", async () => {
  await h.sandbox.setTemplateStatus({ name: "quote_received", language: "en", event: "PAUSED" });
  await h.applyWebhooks();
  const queued = await queueQuoteReceived();
  const mailsBefore = h.smtp.mails.length;
  await h.dispatcher.drain();
  const message = await db.message.findUniqueOrThrow({ where: { id: queued.id }, include: { sendAttempts: { orderBy: { number: "asc" } } } });
  expect(h.sandbox.sent).toHaveLength(0);
  expect(message.channel).toBe("email");
  expect(message.sendAttempts[0]).toMatchObject({ channel: "whatsapp", outcome: "fallback", errorCode: "132015" });
  expect(message.sendAttempts[0]!.errorDetail).toMatch(/Not sent to WhatsApp.*quote_received.*Paused/);
  expect(h.smtp.mails.length).toBe(mailsBefore + 1);

  // Meta approves it again: the next one goes by WhatsApp.
  await h.sandbox.setTemplateStatus({ name: "quote_received", language: "en", event: "APPROVED" });
  await h.applyWebhooks();
  const next = await queueQuoteReceived();
  await h.dispatcher.drain();
  expect(h.sandbox.sent.map((sent) => sent.callbackData)).toEqual([next.id]);
});

it("sends a named template with each parameter's name", async () => {
  // The acknowledgement set to a named template: its fields fill first_name, order_number, slot in order.
  await db.notificationSetting.upsert({
    where: { event: "quote.received" },
    create: { event: "quote.received", templateName: "delivery_slot", templateLanguage: "en", templateParams: JSON.stringify(["customer.firstName", "quote.number", "quote.occasion"]), emailSubject: "s", body: "b" },
    update: { templateName: "delivery_slot", templateLanguage: "en", templateParams: JSON.stringify(["customer.firstName", "quote.number", "quote.occasion"]) },
  });
  const queued = await queueQuoteReceived();
  await h.dispatcher.drain();
  const sent = h.sandbox.sent.find((item) => item.callbackData === queued.id);
  expect(sent?.body).toMatchObject({ template: { name: "delivery_slot", components: [{ type: "body", parameters: [{ parameter_name: "first_name" }, { parameter_name: "order_number" }, { parameter_name: "slot" }] }] } });
  expect(await db.message.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ channel: "whatsapp", status: expect.stringMatching(/accepted|sent|delivered|read/) });
});
