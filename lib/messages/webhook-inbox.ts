// Webhook deliveries are stored before they are acknowledged and applied after: Meta wants a 200
// within seconds and retries for days otherwise, so the request only verifies the signature and
// waits for its row to be on disk. Concurrent requests share one INSERT (group commit), which
// keeps the cost per request near a bare route's at a thousand deliveries a second.
//
// Applying happens outside the request, in batches (lib/messages/webhook-apply.ts), in the
// process that runs the applier: the worker (`npm run worker`), or the web server itself when it
// also runs the dispatcher (OUTBOX_IN_APP). A web server without it only stores. The applier runs
// shortly after this process stored something (so a burst is applied in large batches) and polls
// for what other processes stored and for retries that came due.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { anyDue, applyDueDeliveries, reapplyDelivery, type TReapplyResult } from "@/lib/messages/webhook-apply";

/** Rows per INSERT: five parameters each, far below SQLite's and PostgreSQL's limits. */
const MAX_INSERT = 500;
/** Deliveries per applying transaction: large enough to be cheap, small enough that the intake never waits long behind one. */
const APPLY_BATCH = 200;
/** After this process stores a delivery, the applier waits this long, so that a burst makes a few large batches. */
const COLLECT_MS = 20;

type TPending = { body: string; receivedAt: Date; resolve: () => void; reject: (error: unknown) => void };

type TInboxState = {
  pending: TPending[];
  flushing: boolean;
  /** The database work of this module, one piece at a time (see `serialized`). */
  chain: Promise<unknown>;
  applier: { started: boolean; scheduled: boolean; again: boolean; running: Promise<void> | null; poll: NodeJS.Timeout | null };
};

const globalForInbox = globalThis as unknown as { ssgWebhookInbox?: TInboxState };
const state: TInboxState = (globalForInbox.ssgWebhookInbox ??= {
  pending: [],
  flushing: false,
  chain: Promise.resolve(),
  applier: { started: false, scheduled: false, again: false, running: null, poll: null },
});

/** Resolves once the delivery is committed to the database. */
export function storeWebhookDelivery(body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    state.pending.push({ body, receivedAt: new Date(), resolve, reject });
    if (!state.flushing) void flush();
  });
}

function insertDeliveries(batch: TPending[]) {
  const rows = batch.map((item) => Prisma.sql`(${randomUUID()}, 'whatsapp', ${item.body}, ${item.receivedAt}, ${item.receivedAt})`);
  return db.$executeRaw`INSERT INTO "WebhookDelivery" ("id", "source", "body", "receivedAt", "nextAttemptAt") VALUES ${Prisma.join(rows)}`;
}

async function flush(): Promise<void> {
  state.flushing = true;
  try {
    while (state.pending.length > 0) {
      const batch = state.pending.splice(0, MAX_INSERT);
      try {
        await serialized(() => insertDeliveries(batch));
        for (const item of batch) item.resolve();
      } catch (error) {
        log.error("storing webhook deliveries failed", { error, count: batch.length });
        for (const item of batch) item.reject(error);
      }
    }
  } finally {
    state.flushing = false;
  }
  kickWebhookApplier();
}

/**
 * Applies up to one batch of the deliveries that are due (not done, not parked, next try
 * reached); returns how many it took, applied or not.
 */
export function processStoredDeliveries(options: { limit?: number; now?: Date } = {}): Promise<number> {
  return serialized(() => applyDueDeliveries(options.limit ?? APPLY_BATCH, options.now ?? new Date()));
}

/** One more try for one delivery, now, in turn with this process's other webhook work. */
export function reapplyStoredDelivery(delivery: { id: string; body: string; attempts: number }, actorId: string | null, now = new Date()): Promise<TReapplyResult> {
  return serialized(() => reapplyDelivery(delivery, actorId, now));
}

/**
 * Database work of this module, one piece at a time per process. Two overlapping batches of one
 * process would only wait for each other's locks; queued here, an insert waits for at most one
 * batch, and a batch starts with every delivery stored before it.
 */
function serialized<T>(work: () => Promise<T>): Promise<T> {
  const run = state.chain.then(work);
  state.chain = run.catch(() => undefined);
  return run;
}

/** Applies soon, unless this process runs no applier or one is already under way (it goes on). */
function kickWebhookApplier(): void {
  const applier = state.applier;
  if (!applier.started) return;
  if (applier.running) {
    applier.again = true;
    return;
  }
  if (applier.scheduled) return;
  applier.scheduled = true;
  setTimeout(() => {
    applier.scheduled = false;
    applier.running = applyUntilDone().finally(() => (applier.running = null));
  }, COLLECT_MS).unref();
}

async function applyUntilDone(): Promise<void> {
  const applier = state.applier;
  try {
    do {
      applier.again = false;
      while (applier.started && (await processStoredDeliveries()) === APPLY_BATCH) {
        // a full batch: more may be due
      }
    } while (applier.again && applier.started);
  } catch (error) {
    log.error("applying webhook deliveries failed", { error });
  }
}

/**
 * Runs the applier in this process: now (for what earlier processes left), after every delivery
 * this process stores, and every `pollMs` when something is due (stored by another process, or
 * a retry whose time came). The poll is one indexed read, so an idle applier costs next to nothing.
 */
export function startWebhookApplier(options: { pollMs: number }): void {
  const applier = state.applier;
  if (applier.started) return;
  applier.started = true;
  kickWebhookApplier();
  applier.poll = setInterval(() => {
    if (applier.running || applier.scheduled) return;
    anyDue().then(
      (due) => due && kickWebhookApplier(),
      (error: unknown) => log.warn("webhook applier: checking for due deliveries failed", { error }),
    );
  }, options.pollMs);
  applier.poll.unref();
}

/** Stops polling and waits for the batch under way. */
export async function stopWebhookApplier(): Promise<void> {
  const applier = state.applier;
  applier.started = false;
  if (applier.poll) clearInterval(applier.poll);
  applier.poll = null;
  await applier.running;
}
