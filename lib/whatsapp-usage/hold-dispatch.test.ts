// The hold through the real dispatcher, the Graph API sandbox over HTTP and a real database: with
// the messaging limit full, a template to a new customer stays queued with the reason (no try,
// not failed) while a reply inside a customer's window goes out; once the counted customers'
// 24 hours have passed it is sent, and counts itself.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOutboxHarness, type TOutboxHarness } from "@/test/outbox-harness";

let h: TOutboxHarness;
let db: typeof import("@/lib/db").db;
let factories: typeof import("@/test/factories");
let enqueue: typeof import("@/lib/message-lifecycle/enqueue").enqueueNotification;
let limit: typeof import("@/lib/whatsapp-usage/limit-setting");
let guardModule: typeof import("@/lib/whatsapp-usage/guard");
let dispatcher: TOutboxHarness["dispatcher"];

const HOUR = 3_600_000;

beforeAll(async () => {
  h = await startOutboxHarness();
  ({ db } = await import("@/lib/db"));
  factories = await import("@/test/factories");
  ({ enqueueNotification: enqueue } = await import("@/lib/message-lifecycle/enqueue"));
  limit = await import("@/lib/whatsapp-usage/limit-setting");
  guardModule = await import("@/lib/whatsapp-usage/guard");
  dispatcher = h.makeDispatcher({ messagingLimit: guardModule.createMessagingLimitGuard({ cacheMs: 0 }) });
});

afterAll(async () => {
  await dispatcher?.stop();
  await h?.close();
});

beforeEach(async () => {
  h.sandbox.reset();
  await db.messageStatusEvent.deleteMany();
  await db.messageAttempt.deleteMany();
  await db.message.deleteMany();
  await limit.saveFallbackTier("TIER_2");
});

/** Two customers reached with templates `hoursAgo`: the limit of 2 is full. */
async function fillLimit(hoursAgo: number) {
  const at = new Date(Date.now() - hoursAgo * HOUR);
  for (const n of [1, 2]) {
    const customer = await factories.makeCustomer();
    await db.message.create({
      data: { channel: "whatsapp", direction: "outbound", origin: "system:quote.answered", kind: "template", status: "delivered", statusRank: 4, recipient: customer.phone, customerId: customer.id, businessInitiatedAt: at, acceptedAt: at, createdAt: at, providerMessageId: `wamid.filled-${n}-${at.getTime()}` },
    });
  }
  return at;
}

async function queueReceived(customer: Parameters<typeof factories.makeQuote>[0] = {}) {
  const quote = await factories.makeQuote(customer);
  const id = await db.$transaction((tx) => enqueue(tx, { event: "quote.received", customerId: quote.customerId, quoteId: quote.id, version: "v1" }));
  return { quote, id: id! };
}

describe("the messaging limit in the outbox", () => {
  it("holds a template to a new customer with the reason, and sends it once the 24 hours have passed", async () => {
    const filledAt = await fillLimit(23);
    const { id } = await queueReceived();
    await dispatcher.drain();

    const held = await db.message.findUniqueOrThrow({ where: { id }, include: { sendAttempts: true } });
    expect(held).toMatchObject({ status: "queued", errorCode: "messaging_limit", errorTitle: "held: messaging limit reached (2 of 2 customers in 24 h)", attempts: 0, failedAt: null, businessInitiatedAt: null });
    expect(held.dueAt).toEqual(new Date(filledAt.getTime() + 24 * HOUR));
    expect(held.sendAttempts).toHaveLength(0);
    expect(h.sandbox.sent.some((sent) => sent.callbackData === id)).toBe(false);

    // The counted customers' 24 hours pass (moved back instead of waiting) and the message is due.
    const past = new Date(Date.now() - 25 * HOUR);
    await db.message.updateMany({ where: { id: { not: id } }, data: { businessInitiatedAt: past, acceptedAt: past } });
    await db.message.update({ where: { id }, data: { dueAt: new Date() } });
    await dispatcher.drain();

    const sent = await db.message.findUniqueOrThrow({ where: { id } });
    expect(sent).toMatchObject({ kind: "template", errorCode: null, errorTitle: null, attempts: 1 });
    expect(sent.businessInitiatedAt).not.toBeNull();
    expect(h.sandbox.sent.find((item) => item.callbackData === id)?.type).toBe("template");
  });

  it("never holds a reply inside the customer's 24-hour window", async () => {
    await fillLimit(1);
    const { quote, id } = await queueReceived();
    const customer = await db.customer.update({ where: { id: quote.customerId }, data: { lastInboundWhatsAppAt: new Date() } });
    h.sandbox.setLastInbound(customer.phone!, new Date());
    await dispatcher.drain();
    const row = await db.message.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ kind: "text", errorCode: null, attempts: 1, businessInitiatedAt: null });
    expect(h.sandbox.sent.find((item) => item.callbackData === id)?.type).toBe("text");
  });
});
