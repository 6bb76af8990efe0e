// Webhook deliveries are stored before they are acknowledged and applied after: Meta wants a 200
// within seconds and retries for days otherwise, so the request only waits for its row to be on
// disk. Concurrent requests share one insert (group commit), which keeps the cost per request
// small at a thousand deliveries a second. A single loop per process then applies what is due
// (lib/messages/webhook-apply.ts: a failing delivery waits for its next try, or is parked).
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { applyDeliveries, reapplyDelivery, type TReapplyResult } from "@/lib/messages/webhook-apply";

const MAX_BATCH = 500;
// Small batches, and none while deliveries wait to be stored: acknowledging Meta comes first,
// applying can lag behind a burst and catch up after it.
const PROCESS_BATCH = 25;

type TPending = { body: string; receivedAt: Date; resolve: () => void; reject: (error: unknown) => void };

type TInboxState = { pending: TPending[]; flushing: boolean; processing: boolean; again: boolean; applying: Promise<unknown> };

const globalForInbox = globalThis as unknown as { ssgWebhookInbox?: TInboxState };
const state: TInboxState = (globalForInbox.ssgWebhookInbox ??= {
  pending: [],
  flushing: false,
  processing: false,
  again: false,
  applying: Promise.resolve(),
});

/** Resolves once the delivery is committed to the database. */
export function storeWebhookDelivery(body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    state.pending.push({ body, receivedAt: new Date(), resolve, reject });
    if (!state.flushing) void flush();
  });
}

async function flush(): Promise<void> {
  state.flushing = true;
  try {
    while (state.pending.length > 0) {
      const batch = state.pending.splice(0, MAX_BATCH);
      try {
        await serialized(() =>
          db.webhookDelivery.createMany({
            data: batch.map((item) => ({ source: "whatsapp", body: item.body, receivedAt: item.receivedAt, nextAttemptAt: item.receivedAt })),
          }),
        );
        for (const item of batch) item.resolve();
      } catch (error) {
        log.error("storing webhook deliveries failed", { error, count: batch.length });
        for (const item of batch) item.reject(error);
      }
    }
  } finally {
    state.flushing = false;
  }
  kickWebhookProcessor();
}

/** Starts applying stored deliveries unless that is already under way in this process. */
export function kickWebhookProcessor(): void {
  if (state.processing) {
    state.again = true;
    return;
  }
  state.processing = true;
  void (async () => {
    try {
      do {
        state.again = false;
        let applied: number;
        do {
          while (state.flushing) await new Promise((resolve) => setTimeout(resolve, 1));
          applied = await processStoredDeliveries();
        } while (applied === PROCESS_BATCH);
      } while (state.again);
    } catch (error) {
      log.error("applying webhook deliveries failed", { error });
    } finally {
      state.processing = false;
    }
  })();
}

/**
 * Applies up to one batch of the deliveries that are due (not done, not parked, next try
 * reached); returns how many it took, applied or not.
 */
export function processStoredDeliveries(options: { limit?: number; now?: Date } = {}): Promise<number> {
  return serialized(() => applyBatch(options.limit ?? PROCESS_BATCH, options.now ?? new Date()));
}

/** One more try for one delivery, now, in turn with this process's other webhook work. */
export function reapplyStoredDelivery(delivery: { id: string; body: string; attempts: number }, actorId: string | null, now = new Date()): Promise<TReapplyResult> {
  return serialized(() => reapplyDelivery(delivery, actorId, now));
}

/**
 * Database work of this module, one piece at a time per process. Two overlapping batches would
 * read the same rows, and on SQLite an insert beside an open transaction waits on the file lock
 * (busy timeout, in growing sleeps) where here it simply queues behind one small batch.
 */
function serialized<T>(work: () => Promise<T>): Promise<T> {
  const run = state.applying.then(work);
  state.applying = run.catch(() => undefined);
  return run;
}

async function applyBatch(limit: number, now: Date): Promise<number> {
  const deliveries = await db.webhookDelivery.findMany({
    where: { processedAt: null, parkedAt: null, nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { receivedAt: "asc" }],
    take: limit,
    select: { id: true, body: true, attempts: true },
  });
  if (deliveries.length === 0) return 0;
  await applyDeliveries(deliveries, now);
  return deliveries.length;
}

/**
 * Applies what earlier processes stored but did not get to (a crash, a restart), and the
 * deliveries whose next try has come. Deliveries are otherwise applied as soon as they are stored.
 */
export function startWebhookSweeper(intervalMs = 30_000): void {
  const globalForSweeper = globalThis as unknown as { ssgWebhookSweeper?: NodeJS.Timeout };
  if (globalForSweeper.ssgWebhookSweeper) return;
  kickWebhookProcessor();
  globalForSweeper.ssgWebhookSweeper = setInterval(kickWebhookProcessor, intervalMs);
  globalForSweeper.ssgWebhookSweeper.unref();
}
