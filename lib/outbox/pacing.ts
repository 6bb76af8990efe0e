// Keeps sends under Meta's limits so bursts never trip them: the phone number's throughput
// (WHATSAPP_MAX_MPS, 130429 when exceeded) and the pair rate, about one message every 6 s to one
// customer with short bursts tolerated (131056). `createPacer` keeps both in this process (two
// dispatchers would add their rates); ./pacing-shared.ts keeps them in the database for every
// dispatcher together, with the same interface.
//
// A slot is taken before the try is written down, so a message never waits for the pace with
// its try started. The database write between the slot and the call takes a varying time, which
// can bunch calls together; so the moment of each call is also kept, and a call waits while the
// last 1,000 ms already hold the limit (rate less the margin).
export type TPacerOptions = {
  messagesPerSecond: number;
  /** A bucket of depth 1 at the exact rate can still put rate+1 sends in some 1,000 ms window. */
  margin?: number;
  pairIntervalMs?: number;
  pairBurst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

export type TPacer = {
  /** Waits for a slot in the number's throughput. */
  acquire(): Promise<void>;
  /** Right before the call: waits while the last 1,000 ms hold the limit, then counts this call. */
  awaitWindow(): Promise<void>;
  /** 0 and a slot taken when `recipient` may get a message now; otherwise how long until it may. */
  pairDelayMs(recipient: string): number | Promise<number>;
};

/** Meta's pair rate: about one message every 6 s to one customer, a burst of two tolerated. */
export const PAIR_INTERVAL_MS = 6_000;
export const PAIR_BURST = 2;

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The pace that stays `margin` under the number's limit, and the calls it allows per 1,000 ms. */
export function pacedRate(options: Pick<TPacerOptions, "messagesPerSecond" | "margin">) {
  const paced = options.messagesPerSecond * (options.margin ?? 0.97);
  return { intervalMs: 1000 / paced, windowLimit: Math.max(1, Math.floor(paced)) };
}

export function createPacer(options: TPacerOptions): TPacer & { pairDelayMs(recipient: string): number } {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const { intervalMs: interval, windowLimit } = pacedRate(options);
  // Times of the calls in the last 1,000 ms, oldest first.
  const calls: number[] = [];
  const pairInterval = options.pairIntervalMs ?? PAIR_INTERVAL_MS;
  const pairBurst = options.pairBurst ?? PAIR_BURST;
  let nextSlot = 0;
  // Per recipient: the time at which its bucket is full again ("theoretical arrival time").
  const pairs = new Map<string, number>();

  return {
    async acquire() {
      const at = now();
      const slot = Math.max(at, nextSlot);
      nextSlot = slot + interval;
      if (slot > at) await sleep(slot - at);
    },
    async awaitWindow() {
      for (;;) {
        const at = now();
        while (calls.length && calls[0]! <= at - 1000) calls.shift();
        if (calls.length < windowLimit) {
          calls.push(at);
          return;
        }
        await sleep(calls[0]! + 1000 - at + 1);
      }
    },
    pairDelayMs(recipient) {
      const at = now();
      const full = Math.max(pairs.get(recipient) ?? at, at);
      const earliest = full - (pairBurst - 1) * pairInterval;
      if (earliest > at) return Math.ceil(earliest - at);
      pairs.set(recipient, full + pairInterval);
      if (pairs.size > 10_000) {
        for (const [key, value] of pairs) if (value <= at) pairs.delete(key);
      }
      return 0;
    },
  };
}
