// Runs rounds of work: back to back while there is work, with an idle pause when a round found
// none, which `poke` cuts short. `stop` lets the round in flight finish.
import { log } from "@/lib/log";

export type TRound = () => Promise<number>;

export function createLoop(round: TRound, options: { idleMs: number }) {
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.idleMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      wake = null;
    });

  return {
    /** One round; returns how much it found. */
    runOnce: () => round(),
    /** Runs rounds until one finds nothing (for tests and benchmarks). */
    async drain(): Promise<void> {
      running = true;
      try {
        while ((await round()) > 0);
      } finally {
        running = false;
      }
    },
    start() {
      if (loop) return;
      running = true;
      loop = (async () => {
        while (running) {
          try {
            if ((await round()) > 0) continue;
          } catch (error) {
            log.error("outbox: round failed", { error });
          }
          if (!running) break;
          await idle();
        }
      })();
    },
    /** Starts the next round now instead of after the idle pause. */
    poke() {
      wake?.();
    },
    /** Stops starting rounds and waits for the one in flight. */
    async stop(): Promise<void> {
      running = false;
      wake?.();
      await loop;
      loop = null;
    },
  };
}
