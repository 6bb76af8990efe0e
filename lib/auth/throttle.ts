// The sign-in throttle as the app configures it (lib/env.ts): one policy per address, one per
// (email, address). The rules are in throttle-rules.ts, the storage in throttle-sql.ts.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { accountKey, accountKeyPrefix, addressKey, type TThrottlePolicy } from "@/lib/auth/throttle-rules";
import { claimAttempt, clearKey, clearKeysWithPrefix, forgiveAttempt, pruneForgotten } from "@/lib/auth/throttle-sql";

const forgetAfterSeconds = env.LOGIN_FORGET_AFTER_MINUTES * 60;
export const ACCOUNT_POLICY: TThrottlePolicy = { freeAttempts: env.LOGIN_MAX_ATTEMPTS, maxDelaySeconds: env.LOGIN_MAX_DELAY_SECONDS, forgetAfterSeconds };
export const ADDRESS_POLICY: TThrottlePolicy = { freeAttempts: env.LOGIN_MAX_ATTEMPTS_PER_ADDRESS, maxDelaySeconds: env.LOGIN_MAX_DELAY_SECONDS, forgetAfterSeconds };

export type TSignInClaim = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Counts one sign-in try for this email from this address, or refuses it while either key waits. */
export async function claimSignInAttempt(email: string, address: string, nowMs: number): Promise<TSignInClaim> {
  const byAddress = await claimAttempt(db, addressKey(address), ADDRESS_POLICY, nowMs);
  if (!byAddress.allowed) return byAddress;
  const byAccount = await claimAttempt(db, accountKey(email, address), ACCOUNT_POLICY, nowMs);
  return byAccount.allowed ? { allowed: true } : byAccount;
}

/**
 * A right password: this email starts again from zero here, and the address gets its try back.
 * Also the moment to drop counters nobody needs any more (strangers' guesses leave one per
 * email and address; real sign-ins come often enough to keep the table small).
 */
export async function recordSignInSuccess(email: string, address: string, nowMs = Date.now()): Promise<void> {
  await clearKey(db, accountKey(email, address));
  await forgiveAttempt(db, addressKey(address), ADDRESS_POLICY);
  await pruneForgotten(db, forgetAfterSeconds, nowMs);
}

/**
 * After the owner of the email proved it (a reset or invite link): no address waits for that
 * email any more, and the address that followed the link starts again.
 */
export async function clearSignInThrottle(email: string, address?: string): Promise<void> {
  await clearKeysWithPrefix(db, accountKeyPrefix(email));
  if (address) await clearKey(db, addressKey(address));
}
