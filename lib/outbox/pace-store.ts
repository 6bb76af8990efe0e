// The pace of a WhatsApp number shared by every dispatcher, in the database (the only SQL of the
// pacing). Each take is one atomic statement, so two workers can never both get the same room:
// on SQLite the write lock serialises them, on PostgreSQL the row lock does (and the condition
// is re-checked on the locked row, so a loser gets no row instead of a double slot).
//
// Three tables, all keyed by the sending number (each number has its own limits), times in epoch
// milliseconds as doubles (slots are fractions of a millisecond apart):
// - PaceClock: the number's next free send slot (a GCRA: slot = max(next, now), next += interval);
// - PaceWindow: a ring of `limit` rows holding the times of recent calls. A call may go when some
//   row is at least 1,000 ms old and takes it over. Calls in any 1,000 ms window then each hold a
//   row of their own, so there are never more than `limit` of them. A row must hold the moment
//   its call is made, which is after the statement returns: the pacer stamps it ahead by the
//   statement's usual lag and moves it later when the answer came later still. No one else can
//   take a row within 1,000 ms of its stamp, so that second write never races;
// - PacePair: per recipient, the time its pair bucket is full again (GCRA with a burst).
import { Prisma } from "@/lib/generated/prisma/client";
import { dialect as currentDialect, type TDb, type TDialect } from "@/lib/db";
import { sqlFor } from "@/lib/sql-dialect";

export type TPaceStore = {
  /** Reserves `count` consecutive slots `intervalMs` apart; returns the first one's time. */
  reserveSlots(count: number, intervalMs: number, nowMs: number): Promise<number>;
  /**
   * Counts a call if the last 1,000 ms (at `nowMs`) hold fewer than `limit`, stamped `stampMs`
   * (at or after `nowMs`: when the call will be made at the latest); else the time it may go.
   */
  takeWindowCall(limit: number, nowMs: number, stampMs?: number): Promise<{ taken: true; slot: number } | { taken: false; retryAtMs: number }>;
  /** Moves a taken call's time later (never earlier): the call went later than it was stamped. */
  restampWindowCall(slot: number, atMs: number): Promise<void>;
  /** Takes a pair slot for `recipient` (0), or says how long until one is free (no slot taken). */
  takePair(recipient: string, intervalMs: number, burst: number, nowMs: number): Promise<number>;
  /** Forgets recipients whose bucket is full again (they carry no information). */
  prunePairs(nowMs: number): Promise<void>;
};

type TStoreOptions = { key: string; dialect?: TDialect };

/** `getDb` is asked before every statement, so the caller may replace its client. */
export function createPaceStore(getDb: () => TDb | Promise<TDb>, options: TStoreOptions): TPaceStore {
  const key = options.key;
  const sql = sqlFor(options.dialect ?? currentDialect);
  // The ring is made (or resized, when WHATSAPP_MAX_MPS changed) once per store.
  let ringReady: { limit: number; done: Promise<void> } | null = null;

  function ensureRing(limit: number): Promise<void> {
    if (ringReady?.limit === limit) return ringReady.done;
    const done = (async () => {
      const db = await getDb();
      await db.$executeRaw`DELETE FROM "PaceWindow" WHERE "key" = ${key} AND "slot" >= ${limit}`;
      const rows = Prisma.join(Array.from({ length: limit }, (_, slot) => Prisma.sql`(${key}, ${slot}, ${sql.float(0)})`));
      await db.$executeRaw`INSERT INTO "PaceWindow" ("key", "slot", "at") VALUES ${rows} ON CONFLICT ("key", "slot") DO NOTHING`;
    })();
    ringReady = { limit, done };
    done.catch(() => (ringReady = null));
    return done;
  }

  return {
    async reserveSlots(count, intervalMs, nowMs) {
      const db = await getDb();
      const now = sql.float(nowMs);
      const span = sql.float(count * intervalMs);
      const rows = await db.$queryRaw<{ nextAt: number }[]>`
        INSERT INTO "PaceClock" ("key", "nextAt") VALUES (${key}, ${now} + ${span})
        ON CONFLICT ("key") DO UPDATE SET "nextAt" = ${sql.greatest(Prisma.sql`"PaceClock"."nextAt"`, now)} + ${span}
        RETURNING "nextAt"`;
      return Number(rows[0]!.nextAt) - count * intervalMs;
    },

    async takeWindowCall(limit, nowMs, stampMs = nowMs) {
      await ensureRing(limit);
      const db = await getDb();
      const stamp = sql.float(stampMs);
      const free = sql.float(nowMs - 1000);
      // Any free row will do (not only the oldest), so there is no sort. The outer WHERE
      // re-checks the row: on PostgreSQL a taker that waited for the row lock sees the winner's
      // time and gets no row.
      const taken = await db.$queryRaw<{ slot: number }[]>`
        UPDATE "PaceWindow" SET "at" = ${stamp}
        WHERE "key" = ${key} AND "at" <= ${free} AND "slot" = (
          SELECT "slot" FROM "PaceWindow" WHERE "key" = ${key} AND "at" <= ${free}
          LIMIT 1 ${sql.skipLocked}
        )
        RETURNING "slot"`;
      if (taken.length > 0) return { taken: true, slot: Number(taken[0]!.slot) };
      const oldest = await db.$queryRaw<{ at: number | null }[]>`SELECT MIN("at") AS "at" FROM "PaceWindow" WHERE "key" = ${key}`;
      const at = Number(oldest[0]?.at ?? nowMs - 1000);
      // A row freed between the two statements (or one a concurrent taker held): try again now.
      return { taken: false, retryAtMs: Math.max(at + 1000, nowMs) };
    },

    async restampWindowCall(slot, atMs) {
      const at = sql.float(atMs);
      await (await getDb()).$executeRaw`
        UPDATE "PaceWindow" SET "at" = ${sql.greatest(Prisma.sql`"at"`, at)} WHERE "key" = ${key} AND "slot" = ${slot}`;
    },

    async takePair(recipient, intervalMs, burst, nowMs) {
      const db = await getDb();
      const now = sql.float(nowMs);
      const interval = sql.float(intervalMs);
      const full = sql.greatest(Prisma.sql`"PacePair"."tat"`, now);
      const rows = await db.$queryRaw<{ tat: number }[]>`
        INSERT INTO "PacePair" ("key", "recipient", "tat") VALUES (${key}, ${recipient}, ${now} + ${interval})
        ON CONFLICT ("key", "recipient") DO UPDATE SET "tat" = ${full} + ${interval}
        WHERE ${full} - ${sql.float((burst - 1) * intervalMs)} <= ${now}
        RETURNING "tat"`;
      if (rows.length > 0) return 0;
      const current = await db.$queryRaw<{ tat: number }[]>`SELECT "tat" FROM "PacePair" WHERE "key" = ${key} AND "recipient" = ${recipient}`;
      const earliest = Number(current[0]?.tat ?? nowMs) - (burst - 1) * intervalMs;
      // Freed in between: a new take decides (the caller asks again after this wait).
      return Math.max(1, Math.ceil(earliest - nowMs));
    },

    async prunePairs(nowMs) {
      await (await getDb()).$executeRaw`DELETE FROM "PacePair" WHERE "key" = ${key} AND "tat" <= ${sql.float(nowMs)}`;
    },
  };
}
