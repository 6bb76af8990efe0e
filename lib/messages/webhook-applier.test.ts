// The webhook applier on a real database: it applies in batches what this process stores without
// being asked, a process without one only stores, and appliers on two connections to one database
// (as two workers have) never take the same delivery.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, db, prepareDatabase, tuneConnection } from "@/lib/db";
import { applyDueDeliveries } from "@/lib/messages/webhook-apply";
import { startWebhookApplier, stopWebhookApplier, storeWebhookDelivery } from "@/lib/messages/webhook-inbox";
import { messagesEnvelope, statusPart } from "@/test/webhook-requests";

const MESSAGES = 300;

async function outboundMessages(count: number) {
  await db.message.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      id: `applier-m-${i}`,
      channel: "whatsapp",
      direction: "outbound",
      origin: "admin",
      kind: "text",
      status: "accepted",
      statusRank: 1,
      providerMessageId: `wamid.APPLIER${i}`,
    })),
  });
}

const statusBody = (i: number, status: string) => JSON.stringify(messagesEnvelope({ statuses: [statusPart(`wamid.APPLIER${i}`, status, 1_732_450_000 + i)] }));

async function waitFor(condition: () => Promise<boolean>, ms = 10_000) {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeEach(async () => {
  await prepareDatabase();
  await db.messageStatusEvent.deleteMany();
  await db.message.deleteMany();
  await db.webhookDelivery.deleteMany();
});

afterEach(() => stopWebhookApplier());

describe("the applier in this process", () => {
  it("applies what this process stores, soon and in batches, without being asked", async () => {
    await outboundMessages(MESSAGES);
    startWebhookApplier({ pollMs: 60_000 });
    // A burst, as concurrent requests would store it: one group commit per flush.
    await Promise.all(Array.from({ length: MESSAGES }, (_, i) => storeWebhookDelivery(statusBody(i, "delivered"))));
    await waitFor(async () => (await db.webhookDelivery.count({ where: { processedAt: null } })) === 0);
    expect(await db.message.count({ where: { status: "delivered" } })).toBe(MESSAGES);
    // Batches, not one delivery each: the applier waited for the burst to be stored.
    const batches = await db.webhookDelivery.groupBy({ by: ["processedAt"], _count: { _all: true } });
    expect(batches.length).toBeLessThanOrEqual(MESSAGES / 10);
  });

  it("polls for deliveries another process stored", async () => {
    await outboundMessages(1);
    startWebhookApplier({ pollMs: 50 });
    const now = new Date();
    await db.webhookDelivery.create({ data: { source: "whatsapp", body: statusBody(0, "read"), receivedAt: now, nextAttemptAt: now } });
    await waitFor(async () => (await db.message.findUniqueOrThrow({ where: { id: "applier-m-0" } })).status === "read");
  });

  it("is not run by a process that did not start it (a web server beside a worker): that one only stores", async () => {
    await outboundMessages(1);
    await storeWebhookDelivery(statusBody(0, "delivered"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await db.webhookDelivery.count({ where: { processedAt: null } })).toBe(1);
    expect((await db.message.findUniqueOrThrow({ where: { id: "applier-m-0" } })).status).toBe("accepted");
  });
});

describe("two appliers on one database", () => {
  it("never take the same delivery: each status is applied once, and every delivery exactly once", async () => {
    await outboundMessages(MESSAGES);
    const now = new Date();
    const receivedAt = new Date(now.getTime() - 1);
    await db.webhookDelivery.createMany({
      data: ["sent", "delivered"].flatMap((status) => Array.from({ length: MESSAGES }, (_, i) => ({ source: "whatsapp", body: statusBody(i, status), receivedAt, nextAttemptAt: receivedAt }))),
    });
    const other = createClient();
    await tuneConnection(other);
    try {
      let taken = 0;
      for (let round = 0; round < 100; round++) {
        const [a, b] = await Promise.all([applyDueDeliveries(50, now, db), applyDueDeliveries(50, now, other)]);
        taken += a + b;
        if (a + b === 0) break;
      }
      expect(taken).toBe(2 * MESSAGES);
    } finally {
      await other.$disconnect();
    }
    expect(await db.webhookDelivery.count({ where: { outcome: "applied" } })).toBe(2 * MESSAGES);
    const events = await db.messageStatusEvent.groupBy({ by: ["messageId", "status"], _count: { _all: true } });
    expect(events).toHaveLength(2 * MESSAGES);
    expect(events.every((row) => row._count._all === 1)).toBe(true);
    expect(await db.message.count({ where: { status: "delivered" } })).toBe(MESSAGES);
  });
});
