// How long to wait before the next try: exponential with equal jitter, i.e. half the step fixed
// and half random. The random half spreads a burst of failures so it does not come back as a
// burst; the fixed half keeps every wait at least half the step, where full jitter could retry a
// rate-limited number almost at once. Never less than what the provider asked for, never more
// than the cap.
export type TBackoffOptions = { baseMs?: number; maxMs?: number; random?: () => number };

export function retryDelayMs(failedAttempts: number, retryAfterMs: number | undefined, options: TBackoffOptions = {}): number {
  const base = options.baseMs ?? 2_000;
  const max = options.maxMs ?? 15 * 60_000;
  const random = options.random ?? Math.random;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, failedAttempts - 1));
  const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
  return Math.min(max, Math.max(retryAfterMs ?? 0, jittered));
}
