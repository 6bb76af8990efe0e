// Applies stored webhook deliveries so that one that cannot be applied holds up nothing. A batch
// is claimed and applied in one transaction (a few statements for hundreds of deliveries: see
// lib/message-lifecycle/provider-statuses.ts); if it fails, each of its deliveries is applied
// again in a transaction of its own, and only the one that fails is marked: tries, next try, last
// error, and after a few tries parked for an admin (lib/messages/webhook-retry-policy.ts).
//
// Several appliers (web servers, workers) may run on one database. A batch claims its rows for
// the length of its transaction: on PostgreSQL with FOR UPDATE SKIP LOCKED (two appliers take
// different rows, and marking them done re-checks `processedAt IS NULL`); on SQLite with one
// UPDATE, so the transaction holds the write lock from its first statement and the next applier
// finds the rows done.
import "server-only";
import { db, dialect, type TDb, type TTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { whatsappConfig } from "@/lib/env";
import { log } from "@/lib/log";
import { announceQueued } from "@/lib/message-lifecycle/queue-signal";
import { applyWhatsAppEvents } from "@/lib/messages/apply-whatsapp-events";
import { planDelivery, type TDeliveryPlan } from "@/lib/messages/webhook-delivery-plan";
import { afterFailedAttempt } from "@/lib/messages/webhook-retry-policy";
import { storableText } from "@/lib/whatsapp/webhook-fields";

export type TStoredDelivery = { id: string; body: string; attempts: number };

type TRetryMark = { retriedAt?: Date; retriedById?: string | null };

/** Another process (or an admin's retry) finished this delivery first: nothing to do. */
class AlreadyProcessed extends Error {}

const account = () => ({ wabaId: whatsappConfig.wabaId, phoneNumberId: whatsappConfig.phoneNumberId });

/**
 * Marks the deliveries done first, guarded by `processedAt IS NULL`: another applier's
 * transaction on the same rows (SQLite's write lock, PostgreSQL's row lock) makes this one wait
 * and then find them taken, so none is applied twice.
 */
async function applyPlans(tx: TTx, plans: TDeliveryPlan[], now: Date, extra: TRetryMark = {}): Promise<{ queued: number }> {
  const groups = new Map<string, { plan: TDeliveryPlan; ids: string[] }>();
  for (const plan of plans) {
    const key = `${plan.outcome}\u0000${plan.detail ?? ""}`;
    const group = groups.get(key) ?? { plan, ids: [] };
    group.ids.push(plan.id);
    groups.set(key, group);
  }
  let claimed = 0;
  for (const { plan, ids } of groups.values()) {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: { in: ids }, processedAt: null },
      data: { processedAt: now, outcome: plan.outcome, detail: plan.detail, parkedAt: null, ...extra },
    });
    claimed += count;
  }
  if (claimed !== plans.length) throw new AlreadyProcessed();
  return applyWhatsAppEvents(tx, plans.flatMap((plan) => plan.events), now);
}

/** After the commit: a quick reply that accepted a quote queued its confirmation; send it now. */
function afterCommit(outcome: { queued: number }) {
  if (outcome.queued > 0) announceQueued();
}

/** The part of an error an admin can act on: Prisma's code and its last line, not the code excerpt. */
export function describeFailure(error: unknown): string {
  const code = error && typeof error === "object" && "code" in error && typeof error.code === "string" ? `${error.code}: ` : "";
  const message = error instanceof Error ? error.message : String(error);
  const lastLine = message.split("\n").map((line) => line.trim()).filter(Boolean).at(-1) ?? "Unknown error";
  return storableText(`${code}${lastLine}`, 1_000);
}

async function recordFailure(delivery: TStoredDelivery, error: unknown, now: Date, options: { park?: boolean; extra?: TRetryMark } = {}) {
  const attempts = delivery.attempts + 1;
  const next = options.park ? { attempts, nextAttemptAt: now, parkedAt: now } : afterFailedAttempt(attempts, now);
  const lastError = describeFailure(error);
  log.warn("webhook delivery could not be applied", { deliveryId: delivery.id, attempts: next.attempts, parked: !!next.parkedAt, error: lastError });
  try {
    await db.webhookDelivery.updateMany({ where: { id: delivery.id, processedAt: null }, data: { ...next, lastError, ...options.extra } });
  } catch (writeError) {
    // Left as it was, it is due again and the sweeper tries it on its next round.
    log.error("recording a webhook delivery's failure failed", { deliveryId: delivery.id, error: writeError });
  }
  return { ...next, lastError };
}

/** Due, in the order they came: not done, not parked, next try reached. */
const dueWhere = (now: Date) => Prisma.sql`"processedAt" IS NULL AND "parkedAt" IS NULL AND "nextAttemptAt" <= ${now}`;

/** Takes up to `limit` due deliveries for the caller's transaction (see the header). */
async function claimDue(tx: TTx, limit: number, now: Date): Promise<TStoredDelivery[]> {
  if (dialect === "postgresql") {
    return tx.$queryRaw<TStoredDelivery[]>`
      SELECT "id", "body", "attempts" FROM "WebhookDelivery" WHERE ${dueWhere(now)}
      ORDER BY "nextAttemptAt", "receivedAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
  }
  // A write that changes nothing, so that it takes the lock: reading first would let another
  // process commit in between and make this transaction's first write fail with SQLITE_BUSY.
  const rows = await tx.$queryRaw<(TStoredDelivery & { receivedAt: Date | string })[]>`
    UPDATE "WebhookDelivery" SET "attempts" = "attempts"
    WHERE "id" IN (SELECT "id" FROM "WebhookDelivery" WHERE ${dueWhere(now)} ORDER BY "nextAttemptAt", "receivedAt" LIMIT ${limit})
    RETURNING "id", "body", "attempts", "receivedAt"`;
  // RETURNING keeps no order; inbound messages are applied in the order they came.
  return rows
    .sort((a, b) => new Date(a.receivedAt).getTime() - new Date(b.receivedAt).getTime())
    .map((row) => ({ id: row.id, body: row.body, attempts: Number(row.attempts) }));
}

/** Whether any delivery is due: one indexed read, for a poll that finds nothing most of the time. */
export async function anyDue(now = new Date()): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM "WebhookDelivery" WHERE ${dueWhere(now)} LIMIT 1`;
  return rows.length > 0;
}

/**
 * Claims up to `limit` due deliveries and applies them (each on its own if the batch fails);
 * returns how many it took, applied or not. `client` is for tests of several appliers.
 */
export async function applyDueDeliveries(limit: number, now = new Date(), client: TDb = db): Promise<number> {
  let claimed: TStoredDelivery[] = [];
  let outcome = { queued: 0 };
  try {
    await client.$transaction(async (tx) => {
      claimed = await claimDue(tx, limit, now);
      if (claimed.length > 0) outcome = await applyPlans(tx, claimed.map((delivery) => planDelivery(delivery, account())), now);
    });
    afterCommit(outcome);
    return claimed.length;
  } catch (error) {
    // The claim itself failed (the database is away): nothing was taken.
    if (claimed.length === 0) throw error;
    log.debug("webhook batch failed; applying its deliveries one by one", { count: claimed.length, error: describeFailure(error) });
  }
  await applyEachOnItsOwn(claimed, now);
  return claimed.length;
}

/**
 * One transaction per delivery. No claim is needed: marking it done first, guarded by
 * `processedAt IS NULL`, waits for any other applier's hold on the row and then finds it taken.
 */
async function applyEachOnItsOwn(deliveries: TStoredDelivery[], now: Date): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  for (const delivery of deliveries) {
    try {
      afterCommit(await db.$transaction((tx) => applyPlans(tx, [planDelivery(delivery, account())], now)));
      done++;
    } catch (error) {
      if (error instanceof AlreadyProcessed) continue;
      await recordFailure(delivery, error, now);
      failed++;
    }
  }
  return { done, failed };
}

export type TReapplyResult = { outcome: TDeliveryPlan["outcome"] } | { outcome: "parked"; error: string } | { outcome: "already_processed" };

/**
 * One more try for a delivery (parked, or waiting for its next try), now: an admin's Retry or
 * `npm run webhooks:replay`. If it fails again it is parked again, with the new error.
 */
export async function reapplyDelivery(delivery: TStoredDelivery, actorId: string | null, now = new Date()): Promise<TReapplyResult> {
  const plan = planDelivery(delivery, account());
  const extra = { retriedAt: now, retriedById: actorId };
  try {
    afterCommit(await db.$transaction((tx) => applyPlans(tx, [plan], now, extra)));
    return { outcome: plan.outcome };
  } catch (error) {
    if (error instanceof AlreadyProcessed) return { outcome: "already_processed" };
    // Straight back to parked: the automatic tries are behind it.
    const failure = await recordFailure(delivery, error, now, { park: true, extra });
    return { outcome: "parked", error: failure.lastError };
  }
}
