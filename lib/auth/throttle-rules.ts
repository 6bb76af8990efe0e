// The sign-in throttle's rules, apart from the SQL that stores them. There is no lockout: after a
// few free tries each further try for one key waits twice as long as the last (capped), and a
// key forgets its failures after a quiet spell. Keys are per address and per (email, address),
// so a stranger's failures never slow the real owner down from another connection.
export type TThrottlePolicy = {
  /** Failures allowed before delays start. */
  freeAttempts: number;
  /** The longest wait between two tries, in seconds. */
  maxDelaySeconds: number;
  /** After this long with no failure a key starts again from zero, in seconds. */
  forgetAfterSeconds: number;
};

/** Seconds the next try must wait after `failures` failures in a row. */
export function delayAfterFailures(failures: number, policy: Pick<TThrottlePolicy, "freeAttempts" | "maxDelaySeconds">): number {
  if (failures < policy.freeAttempts) return 0;
  const exponent = Math.min(30, failures - policy.freeAttempts);
  return Math.min(policy.maxDelaySeconds, 2 ** exponent);
}

const normaliseEmail = (email: string) => email.trim().toLowerCase().slice(0, 200);

/** The counter for one email (whether or not it has an account) from one address. */
export function accountKey(email: string, address: string): string {
  return `account:${normaliseEmail(email)}|${address}`;
}

export function addressKey(address: string): string {
  return `address:${address}`;
}

/** Password-reset requests from one address: so nobody can flood an inbox from one connection. */
export function resetRequestKey(address: string): string {
  return `reset:${address}`;
}

/** The prefix of every (email, address) key of one email, to clear them all after a reset. */
export function accountKeyPrefix(email: string): string {
  return `account:${normaliseEmail(email)}|`;
}

/** One answer for every throttled email, known or not: it must not tell which have accounts. */
export function throttledMessage(retryAfterSeconds: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const wait = seconds < 120 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many sign-in attempts from your connection. Wait ${wait} and try again, or choose “Forgot password?” to get a link by email.`;
}
