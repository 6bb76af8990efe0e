// Provider status events applied set-based on a real database: only forward by rank, each event
// once per message, a delivery beating a failure in the same batch, and a late failure of an
// automatic message sent back to the queue for email.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyProviderStatuses, type TProviderStatus } from "@/lib/message-lifecycle/provider-statuses";
import { createQueuedMessage, toReached } from "@/lib/message-lifecycle/transitions";
import { whatsAppErrorFromStatusError } from "@/lib/whatsapp/errors";
import { makeCustomer } from "@/test/factories";

let customerId: string;
const at = (second: number) => new Date(Date.UTC(2026, 11, 3, 8, 0, second));

beforeEach(async () => {
  ({ id: customerId } = await makeCustomer());
});

async function acceptedMessage(wamid: string, fields: { event?: string; kind?: string } = {}) {
  const { id } = await createQueuedMessage(db, { channel: "whatsapp", origin: "admin", kind: "text", customerId, ...fields }, at(0));
  await db.message.update({ where: { id }, data: { ...toReached("accepted"), providerMessageId: wamid, attempts: 1 } });
  await db.messageAttempt.create({ data: { messageId: id, number: 1, channel: "whatsapp", startedAt: at(0), finishedAt: at(0), outcome: "accepted" } });
  return id;
}

const apply = (events: TProviderStatus[]) => db.$transaction((tx) => applyProviderStatuses(tx, events, at(59)));
const undeliverable = whatsAppErrorFromStatusError({ code: 131026, title: "Message undeliverable" } as never);
const windowClosed = whatsAppErrorFromStatusError({ code: 131047, title: "Re-engagement message" } as never);

describe("applyProviderStatuses", () => {
  it("moves many messages forward in one call and keeps the furthest status whatever the order", async () => {
    const a = await acceptedMessage("wamid.A");
    const b = await acceptedMessage("wamid.B");
    const outcome = await apply([
      { messageId: a, status: "read", at: at(3), wamid: "wamid.A" },
      { messageId: a, status: "delivered", at: at(2), wamid: "wamid.A" },
      { messageId: b, status: "sent", at: at(1), wamid: "wamid.B" },
      { messageId: a, status: "sent", at: at(1), wamid: "wamid.A" },
    ]);
    expect(outcome).toEqual({ applied: 4, duplicates: 0 });
    expect(await db.message.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ status: "read", statusRank: 5, sentAt: at(1), deliveredAt: at(2), readAt: at(3) });
    expect(await db.message.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ status: "sent", statusRank: 2, sentAt: at(1), deliveredAt: null });
    expect(await db.messageStatusEvent.count({ where: { messageId: { in: [a, b] } } })).toBe(4);
  });

  it("applies an event once: a repeat in the batch or a later batch is a duplicate and changes nothing", async () => {
    const a = await acceptedMessage("wamid.C");
    expect(await apply([{ messageId: a, status: "delivered", at: at(2), wamid: "wamid.C" }, { messageId: a, status: "delivered", at: at(4), wamid: "wamid.C" }])).toEqual({ applied: 1, duplicates: 1 });
    expect(await apply([{ messageId: a, status: "delivered", at: at(9), wamid: "wamid.C" }, { messageId: a, status: "sent", at: at(1), wamid: "wamid.C" }])).toEqual({ applied: 1, duplicates: 1 });
    expect(await db.message.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ status: "delivered", deliveredAt: at(2), sentAt: at(1) });
  });

  it("stores the wamid when the webhook outran the send's answer", async () => {
    const { id } = await createQueuedMessage(db, { channel: "whatsapp", origin: "admin", kind: "text", customerId }, at(0));
    await apply([{ messageId: id, status: "sent", at: at(1), wamid: "wamid.EARLY" }]);
    expect(await db.message.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "sent", providerMessageId: "wamid.EARLY" });
  });

  it("lets a delivery in the same batch win over a failure, and shows no error on it", async () => {
    const a = await acceptedMessage("wamid.D");
    await apply([
      { messageId: a, status: "failed", at: at(2), wamid: "wamid.D", error: undeliverable },
      { messageId: a, status: "delivered", at: at(3), wamid: "wamid.D" },
    ]);
    expect(await db.message.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ status: "delivered", errorCode: null, failedAt: at(2) });
  });

  it("sends an automatic message that failed late by email; one sent by hand stays failed with the error", async () => {
    const automatic = await acceptedMessage("wamid.E", { event: "quote.received" });
    const manual = await acceptedMessage("wamid.F");
    await apply([
      { messageId: automatic, status: "failed", at: at(2), wamid: "wamid.E", error: undeliverable },
      { messageId: manual, status: "failed", at: at(2), wamid: "wamid.F", error: undeliverable },
    ]);
    const requeued = await db.message.findUniqueOrThrow({ where: { id: automatic }, include: { sendAttempts: true } });
    // The failure time stays until the next try starts: the same webhook again finds it applied.
    expect(requeued).toMatchObject({ status: "queued", statusRank: 0, failedAt: at(2), dueAt: at(59) });
    expect(requeued.sendAttempts[0]).toMatchObject({ outcome: "fallback", errorCode: "131026" });
    expect(await db.message.findUniqueOrThrow({ where: { id: manual } })).toMatchObject({ status: "failed", statusRank: 3, errorCode: "131026", errorTitle: undeliverable.title });
  });

  it("marks an automatic free text failed late with 131047 for its template, once however often the failure comes", async () => {
    const automatic = await acceptedMessage("wamid.G", { event: "quote.received" });
    const failure: TProviderStatus = { messageId: automatic, status: "failed", at: at(2), wamid: "wamid.G", error: windowClosed };
    expect(await apply([failure, failure])).toEqual({ applied: 1, duplicates: 1 });
    const requeued = await db.message.findUniqueOrThrow({ where: { id: automatic }, include: { sendAttempts: true } });
    expect(requeued).toMatchObject({ status: "queued", failedAt: at(2) });
    expect(requeued.sendAttempts).toMatchObject([{ number: 1, outcome: "retry", errorCode: "131047" }]);
    expect(await apply([failure])).toEqual({ applied: 0, duplicates: 1 });
    expect(await db.message.findUniqueOrThrow({ where: { id: automatic } })).toMatchObject({ status: "queued", attempts: 1 });
  });

  it("ignores events about an earlier try: the failure replayed after the next try went out by email changes nothing", async () => {
    const automatic = await acceptedMessage("wamid.H", { event: "quote.received" });
    await db.messageAttempt.updateMany({ where: { messageId: automatic, number: 1 }, data: { providerMessageId: "wamid.H" } });
    const failure: TProviderStatus = { messageId: automatic, status: "failed", at: at(2), wamid: "wamid.H", error: undeliverable };
    await apply([failure]);
    // The dispatcher's next try: by email, reached the mail server.
    await db.message.update({ where: { id: automatic }, data: { ...toReached("sent"), channel: "email", attempts: 2, failedAt: null, providerMessageId: "<mail-2@example.com>" } });
    await db.messageAttempt.create({ data: { messageId: automatic, number: 2, channel: "email", startedAt: at(5), finishedAt: at(5), outcome: "accepted", providerMessageId: "<mail-2@example.com>" } });
    expect(await apply([failure])).toEqual({ applied: 0, duplicates: 1 });
    const row = await db.message.findUniqueOrThrow({ where: { id: automatic }, include: { sendAttempts: { orderBy: { number: "asc" } } } });
    expect(row).toMatchObject({ status: "sent", attempts: 2, failedAt: null });
    expect(row.sendAttempts.map((attempt) => attempt.outcome)).toEqual(["fallback", "accepted"]);
  });

  it("leaves a delivered message delivered when a failure comes after it, and queues nothing", async () => {
    const automatic = await acceptedMessage("wamid.I", { event: "quote.received" });
    await apply([{ messageId: automatic, status: "delivered", at: at(2), wamid: "wamid.I" }]);
    await apply([{ messageId: automatic, status: "failed", at: at(3), wamid: "wamid.I", error: windowClosed }]);
    const row = await db.message.findUniqueOrThrow({ where: { id: automatic }, include: { sendAttempts: true } });
    expect(row).toMatchObject({ status: "delivered", errorCode: null, attempts: 1 });
    expect(row.sendAttempts).toMatchObject([{ outcome: "accepted", errorCode: null }]);
  });

  it("keeps a message an admin wrote failed after a late 131047", async () => {
    const manual = await acceptedMessage("wamid.J");
    await apply([{ messageId: manual, status: "failed", at: at(2), wamid: "wamid.J", error: windowClosed }]);
    const row = await db.message.findUniqueOrThrow({ where: { id: manual }, include: { sendAttempts: true } });
    expect(row).toMatchObject({ status: "failed", errorCode: "131047" });
    expect(row.sendAttempts).toMatchObject([{ outcome: "accepted" }]);
  });
});
