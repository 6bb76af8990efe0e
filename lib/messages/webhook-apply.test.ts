// Applying stored deliveries on a real database: one that fails is isolated, retried with
// backoff and parked; parked ones hold up nothing; deliveries for another WABA or number are
// stored as ignored; an inbound message proves the customer's phone once.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { TWebhookEvent } from "@/lib/whatsapp/webhook";
import { makeCustomer } from "@/test/factories";
import { messagesEnvelope, statusPart } from "@/test/webhook-requests";

// A fault switched on per wamid: applying an event for it throws, as a broken rule would.
const poisoned = new Set<string>();
vi.mock("@/lib/messages/apply-whatsapp-events", async (importActual) => {
  const actual = await importActual<typeof import("@/lib/messages/apply-whatsapp-events")>();
  return {
    ...actual,
    applyWhatsAppEvents: async (tx: never, events: readonly TWebhookEvent[], now?: Date) => {
      if (events.some((event) => (event.type === "status" || event.type === "message") && poisoned.has(event.wamid))) throw new Error("Unique constraint failed on the fields: (`whatsappUserId`)");
      return actual.applyWhatsAppEvents(tx, events, now);
    },
  };
});

const { processStoredDeliveries, reapplyStoredDelivery } = await import("@/lib/messages/webhook-inbox");

const SECOND = 1_000;
let start: Date;

// Stored as the route stores them, but without its request, whose background loop would apply
// them on the real clock while these tests move their own.
async function post(payload: unknown) {
  const receivedAt = new Date(start.getTime() - 1);
  await db.webhookDelivery.create({ data: { source: "whatsapp", body: JSON.stringify(payload), receivedAt, nextAttemptAt: receivedAt } });
}

async function drainAt(now: Date) {
  let taken = 0;
  for (let n; (n = await processStoredDeliveries({ now })) > 0; ) taken += n;
  return taken;
}

async function outboundMessage(wamid: string) {
  return db.message.create({ data: { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "text", status: "accepted", statusRank: 1, providerMessageId: wamid } });
}

const statusOf = async (id: string) => (await db.message.findUniqueOrThrow({ where: { id } })).status;
const deliveryFor = (wamid: string) => db.webhookDelivery.findFirstOrThrow({ where: { body: { contains: wamid } } });
const at = (ms: number) => new Date(start.getTime() + ms);

beforeEach(async () => {
  poisoned.clear();
  await db.messageStatusEvent.deleteMany();
  await db.message.deleteMany();
  await db.webhookDelivery.deleteMany();
  await db.customerEvent.deleteMany();
  await db.customer.deleteMany();
  start = new Date(Date.now() + 1_000);
});

describe("a delivery that fails to apply", () => {
  it("is isolated from its batch, retried with backoff, then parked, and never holds up the rest", async () => {
    const [before, after] = [await outboundMessage("wamid.BEFORE"), await outboundMessage("wamid.AFTER")];
    await outboundMessage("wamid.POISON");
    poisoned.add("wamid.POISON");
    await post(messagesEnvelope({ statuses: [statusPart("wamid.BEFORE", "delivered", 1_732_450_000)] }));
    await post(messagesEnvelope({ statuses: [statusPart("wamid.POISON", "delivered", 1_732_450_001)] }));
    await post(messagesEnvelope({ statuses: [statusPart("wamid.AFTER", "delivered", 1_732_450_002)] }));

    expect(await drainAt(start)).toBe(3);
    expect(await statusOf(before.id)).toBe("delivered");
    expect(await statusOf(after.id)).toBe("delivered");
    let poison = await deliveryFor("wamid.POISON");
    expect(poison).toMatchObject({ processedAt: null, parkedAt: null, attempts: 1, lastError: expect.stringMatching(/Unique constraint failed/) });
    expect(poison.nextAttemptAt.getTime()).toBe(start.getTime() + 10 * SECOND);

    // Not before its time; then 10 s, 40 s, 160 s, 640 s apart, and parked at the fifth failure.
    expect(await drainAt(at(9 * SECOND))).toBe(0);
    let elapsed = 0;
    for (const [delay, attempts] of [[10, 2], [40, 3], [160, 4], [640, 5]] as const) {
      elapsed += delay * SECOND;
      expect(await drainAt(at(elapsed))).toBe(1);
      poison = await deliveryFor("wamid.POISON");
      expect(poison.attempts).toBe(attempts);
    }
    expect(poison.parkedAt).not.toBeNull();
    expect(poison.processedAt).toBeNull();

    // Parked: skipped forever after, while new deliveries go straight through.
    const later = await outboundMessage("wamid.LATER");
    await post(messagesEnvelope({ statuses: [statusPart("wamid.LATER", "read", 1_732_450_003)] }));
    expect(await drainAt(at(elapsed + 3_600 * SECOND))).toBe(1);
    expect(await statusOf(later.id)).toBe("read");
    expect(await db.webhookDelivery.count({ where: { processedAt: null, parkedAt: null } })).toBe(0);
  });

  it("is applied by a retry once the cause is gone, and parked again at once if it is not", async () => {
    const message = await outboundMessage("wamid.POISON");
    poisoned.add("wamid.POISON");
    await post(messagesEnvelope({ statuses: [statusPart("wamid.POISON", "sent", 1_732_450_000)] }));
    await drainAt(start);
    const stored = await deliveryFor("wamid.POISON");

    const again = await reapplyStoredDelivery(stored, null, at(SECOND));
    expect(again).toMatchObject({ outcome: "parked", error: expect.stringMatching(/Unique constraint/) });
    const parked = await deliveryFor("wamid.POISON");
    expect(parked).toMatchObject({ attempts: 2, parkedAt: at(SECOND), retriedAt: at(SECOND) });

    poisoned.clear();
    expect(await reapplyStoredDelivery(parked, null, at(2 * SECOND))).toEqual({ outcome: "applied" });
    expect(await deliveryFor("wamid.POISON")).toMatchObject({ outcome: "applied", parkedAt: null, processedAt: at(2 * SECOND) });
    expect(await statusOf(message.id)).toBe("sent");
    // A second retry of the same delivery (a double click, another process) changes nothing.
    expect(await reapplyStoredDelivery(parked, null, at(3 * SECOND))).toEqual({ outcome: "already_processed" });
  });
});

describe("deliveries for another business account or phone number", () => {
  it.each([
    ["another WABA", { wabaId: "999999999999999" }, /WhatsApp Business Account "999999999999999", not ours/],
    ["another phone number id", { phoneNumberId: "888888888888888" }, /phone number id "888888888888888", not ours/],
  ])("are stored as ignored with the reason, and not applied (%s)", async (_label, ids, reason) => {
    const message = await outboundMessage("wamid.THEIRS");
    await post(messagesEnvelope({ statuses: [statusPart("wamid.THEIRS", "read", 1_732_450_000)] }, ids));
    await post(messagesEnvelope({ messages: [{ from: "27821234567", id: "wamid.IN-THEIRS", timestamp: "1732450000", type: "text", text: { body: "hi" } }] }, ids));
    await drainAt(start);
    const deliveries = await db.webhookDelivery.findMany();
    expect(deliveries.map((delivery) => delivery.outcome)).toEqual(["ignored", "ignored"]);
    for (const delivery of deliveries) expect(delivery.detail).toMatch(reason);
    expect(await statusOf(message.id)).toBe("accepted");
    expect(await db.customer.count()).toBe(0);
  });
});

describe("an inbound WhatsApp proves the phone", () => {
  it("marks the customer's phone verified the first time only, in the customer's history", async () => {
    const customer = await makeCustomer({ phone: "27825550199" });
    expect(customer.phoneVerifiedAt).toBeNull();
    const inbound = (id: string) => messagesEnvelope({ messages: [{ from: "27825550199", id, timestamp: "1732450000", type: "text", text: { body: "hi" } }] });
    await post(inbound("wamid.V1"));
    await drainAt(start);
    const verified = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(verified.phoneVerifiedAt).toEqual(start);

    await post(inbound("wamid.V2"));
    await drainAt(at(60 * SECOND));
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).phoneVerifiedAt).toEqual(start);
    expect(await db.customerEvent.findMany({ where: { customerId: customer.id, kind: "verified" } })).toMatchObject([{ field: "phone", toValue: "27825550199" }]);
  });

  it("by the business-scoped user id too, and a new writer's number is proven by writing", async () => {
    const known = await makeCustomer({ phone: "27825550198" });
    await db.customer.update({ where: { id: known.id }, data: { whatsappUserId: "ZA.42" } });
    await post(messagesEnvelope({ messages: [{ from_user_id: "ZA.42", id: "wamid.U1", timestamp: "1732450000", type: "text", text: { body: "hi" } }] }));
    await post(messagesEnvelope({ messages: [{ from: "27825550197", id: "wamid.N1", timestamp: "1732450000", type: "text", text: { body: "new here" } }] }));
    await drainAt(start);
    expect((await db.customer.findUniqueOrThrow({ where: { id: known.id } })).phoneVerifiedAt).toEqual(start);
    expect((await db.customer.findUniqueOrThrow({ where: { phone: "27825550197" } })).phoneVerifiedAt).toEqual(start);
  });
});
