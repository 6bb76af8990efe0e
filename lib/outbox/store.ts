// The outbox's SQL, and the only place that has it: recover lapsed claims, claim due messages,
// load a claimed batch, start a try, and complete one, every write fenced by the claim. The columns
// a status change writes come from lib/message-lifecycle/transitions.ts.
//
// Safe with several dispatchers on one database. A claim takes only rows still queued (checked in
// the UPDATE itself, not only in its sub-select); on PostgreSQL the sub-select also locks the rows
// it picks and skips rows another claim holds (READ COMMITTED would otherwise let two claims take
// the same row). Lease recovery re-checks its conditions in each UPDATE, so two workers recovering
// at once, or one recovering while the owner starts a try, change each row once.
//
// SQLite trap (see README): after SQLITE_BUSY, libsql may silently roll back later writes on the
// same connection, so the store owns its own client there and replaces it on every BUSY.
import { randomUUID } from "node:crypto";
import { createClient, dialect, tuneConnection, type TDb } from "@/lib/db";
import { log } from "@/lib/log";
import { dialectSql } from "@/lib/sql-dialect";
import { Prisma } from "@/lib/generated/prisma/client";
import { listNotificationSettings } from "@/lib/notifications/settings";
import { QUOTE_CONTACT_SELECT } from "@/lib/customers/recipient";
import {
  CLAIMABLE_STATUS,
  CLAIMED_STATUS,
  belowStatus,
  claimedSql,
  lapsedRequeuedSql,
  lapsedUncertainSql,
  toQueued,
  toReached,
} from "@/lib/message-lifecycle/transitions";

export type TStoreOptions = {
  workerId: string;
  leaseMs: number;
  /** Makes the Prisma client (a new one after SQLITE_BUSY). */
  createDb?: () => TDb;
};

const LEASE_LAPSED = {
  code: "lease_expired",
  title: "Outcome unknown: the sender stopped while sending",
  detail:
    "The dispatcher stopped after it started sending and before it recorded the answer, so this may or may not have reached the customer. A delivery status may still arrive; if not, check with the customer, then use Retry to send it again.",
};

const isBusy = (error: unknown) => /SQLITE_BUSY|database is locked/i.test(String((error as Error)?.message ?? error));

const unfinishedTry = Prisma.sql`EXISTS (SELECT 1 FROM "MessageAttempt" a WHERE a."messageId" = "Message"."id" AND a."finishedAt" IS NULL)`;

/** What a try writes on the message before the call: what is sent, to whom, by which channel. */
export type TTryContent = Pick<
  Prisma.MessageUpdateManyMutationInput,
  "channel" | "kind" | "recipient" | "fallbackReason" | "body" | "subject" | "templateName" | "templateLanguage" | "templateParams" | "businessInitiatedAt"
> & { channel: string };

type TMessageChange = Prisma.MessageUpdateManyMutationInput;
type TAttemptChange = Prisma.MessageAttemptUpdateManyMutationInput;

export function createOutboxStore(options: TStoreOptions) {
  const { workerId, leaseMs } = options;
  const makeDb = options.createDb ?? createClient;
  const connect = () => {
    const fresh = makeDb();
    return { db: fresh, ready: tuneConnection(fresh) };
  };
  let connection = connect();

  /** Runs `work` on the store's client; on SQLITE_BUSY the client is replaced and `work` tried again. */
  async function withDb<T>(work: (db: TDb) => Promise<T>, tries = 4): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const used = connection;
      try {
        await used.ready;
        return await work(used.db);
      } catch (error) {
        if (dialect !== "sqlite" || !isBusy(error) || attempt >= tries) throw error;
        // Lanes that hit the same BUSY replace the client once.
        if (connection === used) {
          connection = connect();
          void used.db.$disconnect().catch(() => undefined);
          log.warn("outbox: database busy, new connection", { workerId, attempt });
        }
      }
    }
  }

  const ours = (id: string) => ({ id, claimedBy: workerId });

  /** Lapsed leases: started tries become uncertain, unstarted claims go back to the queue. */
  function recoverLapsedClaims(now: Date): Promise<{ uncertain: number; requeued: number }> {
    return withDb((db) =>
      db.$transaction(async (tx) => {
        const lapsed = Prisma.sql`"status" = ${CLAIMED_STATUS} AND "leaseUntil" < ${now}`;
        const uncertain = await tx.$queryRaw<{ id: string }[]>`
          UPDATE "Message" SET ${lapsedUncertainSql(LEASE_LAPSED, now)}
          WHERE ${lapsed} AND ${unfinishedTry}
          RETURNING "id"`;
        if (uncertain.length) {
          await tx.messageAttempt.updateMany({
            where: { messageId: { in: uncertain.map((row) => row.id) }, finishedAt: null },
            data: { finishedAt: now, outcome: "uncertain", errorCode: LEASE_LAPSED.code, errorTitle: LEASE_LAPSED.title },
          });
          log.warn("outbox: sends cut off, marked uncertain", { count: uncertain.length });
        }
        // A try written down since the first statement keeps its row out of this one.
        const requeued = await tx.$executeRaw`
          UPDATE "Message" SET ${lapsedRequeuedSql(now)}
          WHERE ${lapsed} AND NOT ${unfinishedTry}`;
        return { uncertain: uncertain.length, requeued };
      }),
    );
  }

  /** Claims up to `limit` due messages for this worker, oldest due first. */
  async function claim(now: Date, limit: number): Promise<string[]> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const rows = await withDb((db) =>
      db.$queryRaw<{ id: string }[]>`
        UPDATE "Message" SET ${claimedSql(workerId, leaseUntil, now)}
        WHERE "id" IN (
          SELECT "id" FROM "Message" WHERE "status" = ${CLAIMABLE_STATUS} AND "dueAt" <= ${now}
          ORDER BY "dueAt" LIMIT ${Prisma.raw(String(Math.max(1, Math.floor(limit))))} ${dialectSql.skipLocked}
        ) AND "status" = ${CLAIMABLE_STATUS}
        RETURNING "id"`,
    );
    return rows.map((row) => row.id);
  }

  /**
   * Everything the claimed messages need, in a few queries for the whole batch: per-message reads
   * cost more CPU than the sends themselves. Rows no longer claimed by us are left out.
   */
  function loadClaimed(ids: string[]) {
    return withDb(async (db) => {
      const [messages, settings] = await Promise.all([
        db.message.findMany({
          where: { id: { in: ids }, claimedBy: workerId, status: CLAIMED_STATUS },
          include: {
            customer: true,
            quote: true,
            order: { include: { quote: { select: QUOTE_CONTACT_SELECT } } },
            sendAttempts: { orderBy: { number: "asc" }, select: { number: true, outcome: true, errorCode: true, errorTitle: true, errorDetail: true } },
          },
        }),
        listNotificationSettings(db),
      ]);
      const settingFor = new Map(settings.map((setting) => [setting.event as string, setting]));
      return new Map(messages.map((message) => [message.id, { message, setting: (message.event && settingFor.get(message.event)) || null }]));
    });
  }

  /**
   * Writes the try down before the call, while the claim is still ours; false when it is not. One
   * batch, not an interactive transaction, as in finishSuccess (together 9.9 → 9.1 ms of worker CPU
   * per message, bench:dispatch on SQLite): the attempt row is inserted only where the update above
   * it took.
   */
  async function startAttempt(id: string, number: number, content: TTryContent, startedAt: Date): Promise<boolean> {
    const [started] = await withDb((db) =>
      db.$transaction([
        db.message.updateMany({
          where: { ...ours(id), status: CLAIMED_STATUS },
          // A failure time left from the last try (a late failure's mark) would hide this try's own.
          data: { ...content, attempts: number, leaseUntil: new Date(startedAt.getTime() + leaseMs), failedAt: null },
        }),
        db.$executeRaw`
          INSERT INTO "MessageAttempt" ("id", "messageId", "number", "channel", "workerId", "startedAt")
          SELECT ${randomUUID()}, "id", ${number}, ${content.channel}, ${workerId}, ${startedAt} FROM "Message"
          WHERE "id" = ${id} AND "claimedBy" = ${workerId} AND "status" = ${CLAIMED_STATUS} AND "attempts" = ${number}`,
      ]),
    );
    return started.count > 0;
  }

  /** A try that cannot be made (no way to reach the customer), written down as one so Retry starts afresh. */
  async function recordUnsendable(id: string, number: number, change: TMessageChange, attempt: TAttemptChange, at: Date): Promise<boolean> {
    await withDb((db) => db.messageAttempt.create({ data: { messageId: id, number, channel: "none", workerId, startedAt: at } }));
    return finishFailure(id, number, { ...change, attempts: number }, attempt);
  }

  /**
   * The provider took it: the status moves up to `reached` unless a webhook already moved it
   * further ("accepted" must not undo a "delivered"), and the claim is given back. One batch: the
   * second update finds the row only when the first did not (it released the claim), and the try
   * is finished unless lease recovery already finished it as uncertain.
   */
  async function finishSuccess(id: string, number: number, reached: "accepted" | "sent", change: TMessageChange, attempt: TAttemptChange): Promise<boolean> {
    const release = { ...change, claimedBy: null, leaseUntil: null };
    const [moved, released] = await withDb((db) =>
      db.$transaction([
        db.message.updateMany({ where: { ...ours(id), ...belowStatus(reached) }, data: { ...release, ...toReached(reached) } }),
        db.message.updateMany({ where: ours(id), data: release }),
        db.messageAttempt.updateMany({ where: { messageId: id, number, finishedAt: null }, data: attempt }),
      ]),
    );
    return moved.count + released.count > 0;
  }

  /**
   * Any other end of a try (retry, fallback, failed, uncertain), while the claim is ours. It is not
   * written over a status webhook that already proved the message went out (a `sent` that beat a
   * timeout): the try is then recorded as confirmed instead. `number` null: no try was made.
   */
  function finishFailure(id: string, number: number | null, change: TMessageChange, attempt?: TAttemptChange): Promise<boolean> {
    return withDb((db) =>
      db.$transaction(async (tx) => {
        const { count } = await tx.message.updateMany({ where: { ...ours(id), ...belowStatus("accepted") }, data: { ...change, claimedBy: null, leaseUntil: null } });
        if (count === 0) {
          const confirmed = await tx.message.updateMany({ where: ours(id), data: { claimedBy: null, leaseUntil: null, dueAt: null } });
          if (confirmed.count && number !== null) {
            await tx.messageAttempt.updateMany({ where: { messageId: id, number }, data: { ...attempt, outcome: "confirmed" } });
          }
          return false;
        }
        if (number !== null && attempt) await tx.messageAttempt.updateMany({ where: { messageId: id, number }, data: attempt });
        return true;
      }),
    );
  }

  return {
    workerId,
    recoverLapsedClaims,
    claim,
    loadClaimed,
    startAttempt,
    recordUnsendable,
    finishSuccess,
    finishFailure,
    /** Gives a claim back untouched, due again at `dueAt` (a pause for the pair rate), or with the reason it waits (a refused token). */
    release: (id: string, dueAt: Date, reason: TMessageChange = {}) => finishFailure(id, null, { ...reason, ...toQueued(dueAt) }),
    close: () => connection.db.$disconnect(),
  };
}

export type TOutboxStore = ReturnType<typeof createOutboxStore>;
export type TClaimed = NonNullable<ReturnType<Awaited<ReturnType<TOutboxStore["loadClaimed"]>>["get"]>>;
