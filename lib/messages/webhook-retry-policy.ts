// When a stored delivery that failed to apply is tried again, and when it is parked for a person.
// A failure is usually lasting (a rule the data breaks), sometimes passing (a busy database), so a
// few spaced tries, then it waits with its error, out of the way of the deliveries behind it.
export const WEBHOOK_MAX_ATTEMPTS = 5;

const FIRST_DELAY_MS = 10_000;
const MAX_DELAY_MS = 60 * 60_000;

export type TAfterFailure = { attempts: number; nextAttemptAt: Date; parkedAt: Date | null };

/** The delivery's state after its `attempts`-th failed try (1 for the first). */
export function afterFailedAttempt(attempts: number, now: Date): TAfterFailure {
  if (attempts >= WEBHOOK_MAX_ATTEMPTS) return { attempts, nextAttemptAt: now, parkedAt: now };
  // 10 s, 40 s, 2.7 min, 10.7 min: about a quarter of an hour from the first try to parking.
  const delay = Math.min(FIRST_DELAY_MS * 4 ** (attempts - 1), MAX_DELAY_MS);
  return { attempts, nextAttemptAt: new Date(now.getTime() + delay), parkedAt: null };
}
