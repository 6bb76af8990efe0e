// Applies stored webhook deliveries so that one that cannot be applied holds up nothing. A batch
// goes in one transaction (fast: one commit for many); if it fails, each of its deliveries is
// applied again in a transaction of its own, and only the one that fails is marked: tries, next
// try, last error, and after a few tries parked for an admin (lib/messages/webhook-retry-policy.ts).
import { db, type TTx } from "@/lib/db";
import { whatsappConfig } from "@/lib/env";
import { log } from "@/lib/log";
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
 * Marks the deliveries done first, guarded by `processedAt IS NULL`: on SQLite the write lock
 * makes a second process's transaction wait and then find them taken, so none is applied twice.
 */
async function applyPlans(tx: TTx, plans: TDeliveryPlan[], now: Date, extra: TRetryMark = {}) {
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
  await applyWhatsAppEvents(tx, plans.flatMap((plan) => plan.events), now);
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

/** Applies `deliveries` (each on its own if the batch fails); returns how many are now done. */
export async function applyDeliveries(deliveries: TStoredDelivery[], now = new Date()): Promise<{ done: number; failed: number }> {
  const plans = deliveries.map((delivery) => planDelivery(delivery, account()));
  if (plans.length > 1) {
    try {
      await db.$transaction((tx) => applyPlans(tx, plans, now));
      return { done: plans.length, failed: 0 };
    } catch (error) {
      log.debug("webhook batch failed; applying its deliveries one by one", { count: plans.length, error: describeFailure(error) });
    }
  }
  let done = 0;
  let failed = 0;
  for (const [index, plan] of plans.entries()) {
    try {
      await db.$transaction((tx) => applyPlans(tx, [plan], now));
      done++;
    } catch (error) {
      if (error instanceof AlreadyProcessed) continue;
      await recordFailure(deliveries[index]!, error, now);
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
    await db.$transaction((tx) => applyPlans(tx, [plan], now, extra));
    return { outcome: plan.outcome };
  } catch (error) {
    if (error instanceof AlreadyProcessed) return { outcome: "already_processed" };
    // Straight back to parked: the automatic tries are behind it.
    const failure = await recordFailure(delivery, error, now, { park: true, extra });
    return { outcome: "parked", error: failure.lastError };
  }
}
