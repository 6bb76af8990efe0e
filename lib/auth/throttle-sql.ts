// The sign-in throttle's storage: one atomic statement per try. A try is counted as a failure
// *before* the password is checked (and forgiven after a success), so parallel tries cannot all
// read "allowed" and then write: the database hands out the free tries one by one, and a try
// that finds the key waiting is refused without a password check. SQLite and PostgreSQL (upsert
// with RETURNING, integer shifts; MIN/MAX and 64-bit parameters from lib/sql-dialect.ts). On
// PostgreSQL, concurrent upserts of one key queue for its row lock and each re-checks the WHERE
// on the row as the one before left it (READ COMMITTED), so they are counted one by one there too.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TDb, TTx } from "@/lib/db";
import { dialectSql as sql } from "@/lib/sql-dialect";
import { delayAfterFailures, type TThrottlePolicy } from "@/lib/auth/throttle-rules";

export type TClaim = { allowed: true; failures: number } | { allowed: false; retryAfterMs: number };

type TClient = TDb | TTx;

/** The failure count after this try: it starts again after a quiet spell. */
function nextFailures(nowMs: number, policy: TThrottlePolicy) {
  // Qualified: inside the upsert PostgreSQL would also see the proposed row's columns.
  return Prisma.sql`(CASE WHEN "LoginThrottle"."lastFailureMs" < ${sql.bigint(nowMs - policy.forgetAfterSeconds * 1000)} THEN 1 ELSE "LoginThrottle"."failures" + 1 END)`;
}

/** delayAfterFailures (throttle-rules.ts) in SQL, in milliseconds, for a failure count. */
function delayMs(failures: Prisma.Sql, policy: TThrottlePolicy) {
  const doublings = sql.least(Prisma.sql`30`, Prisma.sql`${failures} - ${policy.freeAttempts}`);
  return Prisma.sql`(CASE WHEN ${failures} < ${policy.freeAttempts} THEN 0
    ELSE 1000 * ${sql.least(Prisma.sql`${policy.maxDelaySeconds}`, Prisma.sql`1 << ${doublings}`)} END)`;
}

/** Counts one try against `key`, or refuses it while the key must wait. */
export async function claimAttempt(client: TClient, key: string, policy: TThrottlePolicy, nowMs: number): Promise<TClaim> {
  const failures = nextFailures(nowMs, policy);
  const firstBlock = 1000 * delayAfterFailures(1, policy);
  const rows = await client.$queryRaw<{ failures: number | bigint }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "blockedUntilMs", "lastFailureMs")
    VALUES (${key}, 1, ${sql.bigint(nowMs + firstBlock)}, ${sql.bigint(nowMs)})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = ${failures},
      "blockedUntilMs" = ${sql.bigint(nowMs)} + ${delayMs(failures, policy)},
      "lastFailureMs" = ${sql.bigint(nowMs)}
    WHERE "LoginThrottle"."blockedUntilMs" <= ${sql.bigint(nowMs)}
    RETURNING "failures"`;
  const claimed = rows[0];
  if (claimed) return { allowed: true, failures: Number(claimed.failures) };
  const waiting = await client.$queryRaw<{ blockedUntilMs: number | bigint }[]>`
    SELECT "blockedUntilMs" FROM "LoginThrottle" WHERE "key" = ${key}`;
  return { allowed: false, retryAfterMs: Math.max(0, Number(waiting[0]?.blockedUntilMs ?? nowMs) - nowMs) };
}

/** Takes back the failure counted for a try that turned out right; lifts a wait it caused. */
export async function forgiveAttempt(client: TClient, key: string, policy: TThrottlePolicy): Promise<void> {
  await client.$executeRaw`
    UPDATE "LoginThrottle" SET
      "failures" = ${sql.greatest(Prisma.sql`0`, Prisma.sql`"failures" - 1`)},
      "blockedUntilMs" = CASE WHEN "failures" - 1 < ${policy.freeAttempts} THEN 0 ELSE "blockedUntilMs" END
    WHERE "key" = ${key}`;
}

export async function clearKey(client: TClient, key: string): Promise<void> {
  await client.$executeRaw`DELETE FROM "LoginThrottle" WHERE "key" = ${key}`;
}

/** Clears every key that starts with `prefix` (all addresses of one email, after a reset). */
export async function clearKeysWithPrefix(client: TClient, prefix: string): Promise<void> {
  // substr instead of LIKE: an email may contain "_" or "%".
  await client.$executeRaw`DELETE FROM "LoginThrottle" WHERE substr("key", 1, ${prefix.length}) = ${prefix}`;
}

/** Deletes counters that have nothing left to say: forgotten, and not making anyone wait. */
export async function pruneForgotten(client: TClient, forgetAfterSeconds: number, nowMs: number): Promise<number> {
  return client.$executeRaw`
    DELETE FROM "LoginThrottle"
    WHERE "lastFailureMs" < ${sql.bigint(nowMs - forgetAfterSeconds * 1000)} AND "blockedUntilMs" <= ${sql.bigint(nowMs)}`;
}
