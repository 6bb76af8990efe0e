// The pacer of ./pacing.ts held across every dispatcher together: the number's slots, the calls
// of the last 1,000 ms and each recipient's pair bucket live in the database (./pace-store.ts),
// so two workers (or a worker beside the web server) share one limit instead of adding theirs.
//
// Slots are reserved a few at a time, one statement for `reserve` sends, since a statement costs
// more CPU than the arithmetic; a worker that stops sending leaves at most that many unused
// (a few tens of milliseconds of the number's throughput). The window check stays one statement
// per call, right before it: its time must be the call's.
import { createClient, tuneConnection } from "@/lib/db";
import { log } from "@/lib/log";
import { defaultSleep, PAIR_BURST, PAIR_INTERVAL_MS, pacedRate, type TPacer, type TPacerOptions } from "@/lib/outbox/pacing";
import { createPaceStore, type TPaceStore } from "@/lib/outbox/pace-store";

export type TSharedPacerOptions = TPacerOptions & {
  store: TPaceStore;
  /** Slots reserved per statement. */
  reserve?: number;
};

/**
 * How long the window statement takes to come back, from the last few: a call is stamped with
 * the moment it will go at the latest (now + this), not the moment it asked, so that a slow
 * answer cannot put it in a window it was not counted in. An answer slower than all recent ones
 * is restamped with a second statement (rare, so calls usually cost one).
 */
function statementLag(size = 20, capMs = 200) {
  const recent: number[] = [];
  return {
    record(ms: number) {
      recent.push(ms);
      if (recent.length > size) recent.shift();
    },
    estimate: () => Math.min(capMs, recent.length ? Math.max(...recent) : 0),
  };
}

/** Reserved slots older than this were left over from an earlier burst: given up, not used. */
const STALE_SLOT_MS = 1_000;
const PRUNE_EVERY_MS = 60_000;
/** A failed statement is tried again after these pauses (a dropped connection, a busy file). */
const RETRY_PAUSES_MS = [20, 100, 500];

export function createSharedPacer(options: TSharedPacerOptions): TPacer & { pairDelayMs(recipient: string): Promise<number> } {
  const { store } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const { intervalMs, windowLimit } = pacedRate(options);
  const reserve = Math.max(1, options.reserve ?? 4);
  const pairInterval = options.pairIntervalMs ?? PAIR_INTERVAL_MS;
  const pairBurst = options.pairBurst ?? PAIR_BURST;
  const slots: number[] = [];
  let reserving: Promise<void> | null = null;
  let prunedAt = now();
  const lag = statementLag();

  async function retrying<T>(what: string, work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const pause = RETRY_PAUSES_MS[attempt];
        if (pause === undefined) throw error;
        log.warn("outbox pacing: database statement failed, trying again", { what, attempt: attempt + 1, error });
        await sleep(pause);
      }
    }
  }

  /** Concurrent callers share one reservation; each slot goes to exactly one caller. */
  async function nextSlot(): Promise<number> {
    for (;;) {
      const at = now();
      while (slots.length && slots[0]! < at - STALE_SLOT_MS) slots.shift();
      const slot = slots.shift();
      if (slot !== undefined) return slot;
      reserving ??= retrying("reserve slots", () => store.reserveSlots(reserve, intervalMs, now()))
        .then((first) => {
          for (let index = 0; index < reserve; index++) slots.push(first + index * intervalMs);
        })
        .finally(() => (reserving = null));
      await reserving;
      // A fresh slot is used however long the reservation took; only leftovers go stale.
      const fresh = slots.shift();
      if (fresh !== undefined) return fresh;
    }
  }

  return {
    async acquire() {
      const slot = await nextSlot();
      const wait = slot - now();
      if (wait > 0) await sleep(wait);
    },
    async awaitWindow() {
      for (;;) {
        const at = now();
        const stamp = at + lag.estimate();
        const result = await retrying("take window call", () => store.takeWindowCall(windowLimit, at, stamp));
        const back = now();
        lag.record(back - at);
        if (result.taken) {
          // The call goes now, later than stamped: its row must say so before anyone could take it.
          if (back > stamp) void retrying("restamp window call", () => store.restampWindowCall(result.slot, back + 1)).catch((error: unknown) => log.warn("outbox pacing: could not restamp a call", { error }));
          return;
        }
        await sleep(Math.max(1, result.retryAtMs - now() + 1));
      }
    },
    async pairDelayMs(recipient) {
      const at = now();
      if (at - prunedAt > PRUNE_EVERY_MS) {
        prunedAt = at;
        void store.prunePairs(at).catch((error: unknown) => log.warn("outbox pacing: pruning pair buckets failed", { error }));
      }
      return retrying("take pair slot", () => store.takePair(recipient, pairInterval, pairBurst, at));
    },
  };
}

/**
 * The pacer a dispatcher runs with: shared by every dispatcher that sends from `phoneNumberId`,
 * on a client of its own (the dispatcher's may be replaced after SQLITE_BUSY).
 */
export function createDatabasePacer(options: TPacerOptions & { phoneNumberId: string }): TPacer {
  const client = createClient();
  const ready = tuneConnection(client).then(() => client);
  return createSharedPacer({ ...options, store: createPaceStore(() => ready, { key: options.phoneNumberId }) });
}
