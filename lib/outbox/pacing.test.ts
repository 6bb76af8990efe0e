import { describe, expect, it } from "vitest";
import { createPacer } from "@/lib/outbox/pacing";

/** A clock that only moves when someone sleeps. */
function sequentialClock(start = 0) {
  let t = start;
  const clock = {
    now: () => t,
    /** How many times someone slept. */
    sleeps: 0,
    sleep: async (ms: number) => {
      expect(ms).toBeGreaterThan(0);
      clock.sleeps++;
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
  return clock;
}

/** A clock with timers, so that concurrent sleepers wake in order at their own times. */
function scheduledClock() {
  let t = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  return {
    now: () => t,
    sleep: (ms: number) => new Promise<void>((resolve) => timers.push({ at: t + ms, resolve })),
    async run() {
      for (;;) {
        // Let every pending continuation register its timer before advancing.
        for (let i = 0; i < 5; i++) await Promise.resolve();
        if (timers.length === 0) return;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift()!;
        t = Math.max(t, next.at);
        next.resolve();
      }
    },
  };
}

/** The most acquisitions inside any 1,000 ms window (both ends included, the strictest reading). */
function busiestSecond(times: readonly number[]): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! > 1000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe("createPacer().acquire", () => {
  it("never lets more than 80 sends into any 1,000 ms window at 80 messages/second", async () => {
    const clock = sequentialClock();
    const pacer = createPacer({ messagesPerSecond: 80, margin: 0.97, now: clock.now, sleep: clock.sleep });
    const times: number[] = [];
    for (let i = 0; i < 1_000; i++) {
      await pacer.acquire();
      times.push(clock.now());
    }
    expect(busiestSecond(times)).toBeLessThanOrEqual(80);
    expect(busiestSecond(times)).toBeGreaterThanOrEqual(77);
    // Non-decreasing: a slot is never handed out before an earlier one.
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
  });

  it("sustains 77.6 messages/second (80 × 0.97) in the long run, within 5 %", async () => {
    const clock = sequentialClock();
    const pacer = createPacer({ messagesPerSecond: 80, margin: 0.97, now: clock.now, sleep: clock.sleep });
    const times: number[] = [];
    for (let i = 0; i < 1_000; i++) {
      await pacer.acquire();
      times.push(clock.now());
    }
    const rate = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
    expect(rate).toBeGreaterThan(77.6 * 0.95);
    expect(rate).toBeLessThan(77.6 * 1.05);
  });

  it("uses a margin of 0.97 by default", async () => {
    const clock = sequentialClock();
    const pacer = createPacer({ messagesPerSecond: 100, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 101; i++) await pacer.acquire();
    // 100 intervals of 1000 / 97 ms.
    expect(clock.now()).toBeCloseTo((100 * 1000) / 97, 6);
  });

  it("does not sleep for the first send, and does not bank idle time into a burst", async () => {
    const clock = sequentialClock(1_000_000);
    const pacer = createPacer({ messagesPerSecond: 80, now: clock.now, sleep: clock.sleep });
    await pacer.acquire();
    expect(clock.sleeps).toBe(0);
    expect(clock.now()).toBe(1_000_000);

    clock.advance(60_000); // a quiet minute
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      await pacer.acquire();
      times.push(clock.now());
    }
    expect(times[0]).toBe(1_060_000);
    expect(busiestSecond(times)).toBeLessThanOrEqual(80);
  });

  it("spaces concurrent callers too", async () => {
    const clock = scheduledClock();
    const pacer = createPacer({ messagesPerSecond: 80, margin: 0.97, now: clock.now, sleep: clock.sleep });
    const times: number[] = [];
    const all = Promise.all(Array.from({ length: 400 }, () => pacer.acquire().then(() => times.push(clock.now()))));
    await clock.run();
    await all;
    expect(times).toHaveLength(400);
    times.sort((a, b) => a - b);
    expect(busiestSecond(times)).toBeLessThanOrEqual(80);
    const rate = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
    expect(rate).toBeGreaterThan(77.6 * 0.95);
    expect(rate).toBeLessThan(77.6 * 1.05);
  });
});

describe("createPacer().awaitWindow", () => {
  it("holds back calls that bunch up after their slots, so no 1,000 ms window gets more than 77 at 80/s", async () => {
    const clock = scheduledClock();
    const pacer = createPacer({ messagesPerSecond: 80, now: clock.now, sleep: clock.sleep });
    const calls: number[] = [];
    // Slots are evenly spaced, but every tenth try's database write stalls 100 ms, so its call
    // lands together with the following ones.
    const all = Promise.all(
      Array.from({ length: 400 }, async (_, index) => {
        await pacer.acquire();
        if (index % 10 === 0) await clock.sleep(100);
        await pacer.awaitWindow();
        calls.push(clock.now());
      }),
    );
    await clock.run();
    await all;
    calls.sort((a, b) => a - b);
    expect(calls).toHaveLength(400);
    // Half-open windows, as the sandbox counts them: a call 1,000 ms after another is in the next.
    let best = 0;
    for (let start = 0, end = 0; end < calls.length; end++) {
      while (calls[end]! - calls[start]! >= 1000) start++;
      best = Math.max(best, end - start + 1);
    }
    expect(best).toBeLessThanOrEqual(77);
  });

  it("lets calls straight through while the window has room", async () => {
    const clock = sequentialClock();
    const pacer = createPacer({ messagesPerSecond: 80, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 77; i++) await pacer.awaitWindow();
    expect(clock.sleeps).toBe(0);
    await pacer.awaitWindow();
    expect(clock.sleeps).toBe(1);
    // The 78th waits until the first call is more than 1,000 ms old.
    expect(clock.now()).toBe(1001);
  });
});

describe("createPacer().pairDelayMs", () => {
  function pacerAt() {
    const clock = sequentialClock(5_000_000);
    const pacer = createPacer({ messagesPerSecond: 80, now: clock.now, sleep: clock.sleep });
    return { clock, pacer };
  }

  it("allows a burst of two to one recipient, then one every 6 s", () => {
    const { clock, pacer } = pacerAt();
    expect(pacer.pairDelayMs("27821234567")).toBe(0);
    expect(pacer.pairDelayMs("27821234567")).toBe(0);
    expect(pacer.pairDelayMs("27821234567")).toBe(6_000);

    clock.advance(1_000);
    expect(pacer.pairDelayMs("27821234567")).toBe(5_000);

    clock.advance(5_000);
    expect(pacer.pairDelayMs("27821234567")).toBe(0);
    expect(pacer.pairDelayMs("27821234567")).toBe(6_000);

    clock.advance(6_000);
    expect(pacer.pairDelayMs("27821234567")).toBe(0);
    expect(pacer.pairDelayMs("27821234567")).toBe(6_000);
  });

  it("does not take a slot when it answers with a wait", () => {
    const { clock, pacer } = pacerAt();
    pacer.pairDelayMs("a");
    pacer.pairDelayMs("a");
    for (let i = 0; i < 10; i++) expect(pacer.pairDelayMs("a")).toBe(6_000);
    clock.advance(6_000);
    expect(pacer.pairDelayMs("a")).toBe(0);
  });

  it("rounds a fractional wait up", () => {
    const { clock, pacer } = pacerAt();
    pacer.pairDelayMs("a");
    pacer.pairDelayMs("a");
    clock.advance(0.5);
    expect(pacer.pairDelayMs("a")).toBe(6_000);
  });

  it("refills to a full burst after a quiet spell, but no further", () => {
    const { clock, pacer } = pacerAt();
    pacer.pairDelayMs("a");
    pacer.pairDelayMs("a");
    clock.advance(10 * 60_000);
    expect(pacer.pairDelayMs("a")).toBe(0);
    expect(pacer.pairDelayMs("a")).toBe(0);
    expect(pacer.pairDelayMs("a")).toBe(6_000);
  });

  it("keeps recipients independent", () => {
    const { pacer } = pacerAt();
    expect(pacer.pairDelayMs("a")).toBe(0);
    expect(pacer.pairDelayMs("a")).toBe(0);
    expect(pacer.pairDelayMs("a")).toBe(6_000);
    expect(pacer.pairDelayMs("b")).toBe(0);
    expect(pacer.pairDelayMs("b")).toBe(0);
    expect(pacer.pairDelayMs("b")).toBe(6_000);
    expect(pacer.pairDelayMs("c")).toBe(0);
  });

  it("honours a custom interval and burst", () => {
    const clock = sequentialClock(0);
    const pacer = createPacer({ messagesPerSecond: 80, pairIntervalMs: 1_000, pairBurst: 3, now: clock.now, sleep: clock.sleep });
    expect(pacer.pairDelayMs("a")).toBe(0);
    expect(pacer.pairDelayMs("a")).toBe(0);
    expect(pacer.pairDelayMs("a")).toBe(0);
    expect(pacer.pairDelayMs("a")).toBe(1_000);
    clock.advance(400);
    expect(pacer.pairDelayMs("a")).toBe(600);
  });

  it("over any long stretch, lets no recipient exceed the burst plus one per interval", () => {
    const { clock, pacer } = pacerAt();
    const sent: number[] = [];
    for (let step = 0; step < 60_000; step += 250) {
      if (pacer.pairDelayMs("a") === 0) sent.push(clock.now());
      clock.advance(250);
    }
    // 60 s: the burst of 2 plus one per 6 s after the first = 2 + 9.
    expect(sent.length).toBe(11);
    for (let i = 2; i < sent.length; i++) expect(sent[i]! - sent[i - 2]!).toBeGreaterThanOrEqual(6_000);
  });
});
