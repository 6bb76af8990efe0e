// Every change of a message's status is written from this folder. A status never changes alone:
// its rank goes with it (so the database can keep "only forward" in one conditional update), a
// failure carries its time, a queued message its due time. Callers choose which rows may change
// (the outbox store fences on its claim, an admin's Retry on the tries they saw); the columns a
// change writes come from here.
//
// The statuses and their order: lib/whatsapp/status-order.ts. Outbound: queued → sending →
// accepted → sent → delivered → read, or failed / uncertain; queued again for a retry, a fallback
// to email or an admin's Retry. Inbound: received.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TDb, TTx } from "@/lib/db";
import { statusRank } from "@/lib/whatsapp/status-order";

type TClient = TDb | TTx;
type TMessageFields = Omit<Prisma.MessageUncheckedCreateInput, "status" | "statusRank" | "direction" | "dueAt">;

/** Queues a new outbound message (an event's or an admin's); the dispatcher picks it up at `dueAt`. */
export function createQueuedMessage(client: TClient, fields: TMessageFields, dueAt: Date): Promise<{ id: string }> {
  return client.message.create({ data: queuedMessageData(fields, dueAt), select: { id: true } });
}

/** The columns of a new queued message, for createQueuedMessage and for a caller that writes it with its own INSERT (the quote form's). */
export function queuedMessageData<T extends TMessageFields>(fields: T, dueAt: Date) {
  return { ...fields, direction: "outbound", ...toQueued(dueAt) } as const;
}

/** Stores a message the customer sent. */
export function createReceivedMessage(client: TClient, fields: TMessageFields): Promise<{ id: string }> {
  return client.message.create({ data: { ...fields, direction: "inbound", status: "received", statusRank: statusRank("received") }, select: { id: true } });
}

/** Back in the queue, due at `dueAt`: a retry, a fallback to email, a pause for the pair rate. */
export function toQueued(dueAt: Date) {
  return { status: "queued", statusRank: statusRank("queued"), dueAt } as const;
}

/** An admin's Retry: a new run, with nothing left of the old claim or failure. */
export function toQueuedByAdmin(now: Date) {
  return { ...toQueued(now), claimedBy: null, leaseUntil: null, failedAt: null } as const;
}

/** Final: it will not be tried again unless an admin asks. */
export function toFailed(at: Date) {
  return { status: "failed", statusRank: statusRank("failed"), failedAt: at, dueAt: null } as const;
}

/** It may or may not have reached the customer; never sent again by itself. */
export function toUncertain() {
  return { status: "uncertain", statusRank: statusRank("uncertain"), dueAt: null } as const;
}

/** The provider took it (WhatsApp: accepted; email: the mail server's 250, which is "sent"). */
export function toReached(status: "accepted" | "sent") {
  return { status, statusRank: statusRank(status) } as const;
}

/** The rows still below `status`: a change to it moves them forward, never back. */
export function belowStatus(status: string) {
  return { statusRank: { lt: statusRank(status) } } as const;
}

/** The status a claim may take a message from, and the one it holds while the claim lasts. */
export const CLAIMABLE_STATUS = "queued";
export const CLAIMED_STATUS = "sending";

/** SET clause of a claim: the message is ours until `leaseUntil`. */
export function claimedSql(workerId: string, leaseUntil: Date, now: Date): Prisma.Sql {
  return Prisma.sql`"status" = ${CLAIMED_STATUS}, "claimedBy" = ${workerId}, "leaseUntil" = ${leaseUntil}, "updatedAt" = ${now}`;
}

/** SET clause of a lapsed claim whose try had started: the call may have gone out. */
export function lapsedUncertainSql(error: { code: string; title: string; detail: string }, now: Date): Prisma.Sql {
  return Prisma.sql`"status" = ${"uncertain"}, "statusRank" = ${statusRank("uncertain")}, "leaseUntil" = NULL, "errorCode" = ${error.code},
    "errorTitle" = ${error.title}, "errorDetail" = ${error.detail}, "updatedAt" = ${now}`;
}

/** SET clause of a lapsed claim whose try had not started: nothing went out, so it is queued again. */
export function lapsedRequeuedSql(now: Date): Prisma.Sql {
  return Prisma.sql`"status" = ${CLAIMABLE_STATUS}, "statusRank" = ${statusRank(CLAIMABLE_STATUS)}, "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = ${now}`;
}
