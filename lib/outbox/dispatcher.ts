// The outbox's send side. A loop claims due messages atomically, decides each one's channel and
// content at send time (lib/outbox/plan.ts), sends it through lib/whatsapp or the mailer, and
// records the result. The rules that keep it "never lost, never doubled":
//
// - A claim is one UPDATE ... WHERE id IN (SELECT ... LIMIT n) RETURNING: two dispatchers
//   never get the same row. The claim carries a lease.
// - Before calling the provider, the try is written down (a MessageAttempt with no finish time),
//   in the same transaction that checks the claim is still ours.
// - When a lease lapses (the process died), a message whose try was written down becomes
//   "uncertain" and is never sent again by itself: the call may have gone out. One whose try was
//   not written down had not been sent, and is queued again.
// - Every completion is fenced by claimedBy, so a dispatcher that lost its claim changes nothing.
// - A timeout is retried only after a grace period in which a status webhook (matched by our id
//   in biz_opaque_callback_data) would have shown that Meta did take it.
//
// SQLite trap (see README): after SQLITE_BUSY, libsql may silently roll back later writes on the
// same connection, so the dispatcher owns its own Prisma client and replaces it on every BUSY.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { createClient, tuneConnection, type TDb } from "@/lib/db";
import { describeEmailError, type TEmailFailure } from "@/lib/email/errors";
import type { TMailer } from "@/lib/email/mailer";
import { log } from "@/lib/log";
import { listNotificationSettings } from "@/lib/notifications/settings";
import { QUOTE_CONTACT_SELECT, recipientFor } from "@/lib/customers/recipient";
import { retryDelayMs, type TBackoffOptions } from "@/lib/outbox/backoff";
import type { TPacer } from "@/lib/outbox/pacing";
import { currentRun, planAttempt, type TPlan } from "@/lib/outbox/plan";
import { Prisma } from "@/lib/generated/prisma/client";
import { WhatsAppError } from "@/lib/whatsapp/errors";
import type { TSendResult } from "@/lib/whatsapp/client";
import type { TTemplateMessage, TTextMessage } from "@/lib/whatsapp/payloads";
import { statusRank } from "@/lib/whatsapp/status-order";

export type TWhatsAppSender = {
  sendText(message: TTextMessage): Promise<TSendResult>;
  sendTemplate(message: TTemplateMessage): Promise<TSendResult>;
};

export type TDispatcherOptions = {
  whatsapp: TWhatsAppSender;
  mailer: TMailer;
  pacer: TPacer;
  workerId?: string;
  /** Messages claimed per round. */
  batchSize?: number;
  /** Sends in flight at once. */
  concurrency?: number;
  /** Pause between rounds when nothing was due. */
  idleMs?: number;
  leaseMs?: number;
  /** Tries in a row that may fail temporarily before the message is given up. */
  maxAttempts?: number;
  /** After a timeout: how long to wait for a status webhook before trying again. */
  confirmGraceMs?: number;
  backoff?: TBackoffOptions;
  /** Domain of the Message-IDs of outgoing mail. */
  mailDomain?: string;
  /** Makes the Prisma client (a new one after SQLITE_BUSY). */
  createDb?: () => TDb;
};

export type TDispatcherStats = { claimed: number; accepted: number; retried: number; fellBack: number; failed: number; uncertain: number; requeued: number };

const LEASE_LAPSED = {
  code: "lease_expired",
  title: "Outcome unknown: the sender stopped while sending",
  detail:
    "The dispatcher stopped after it started sending and before it recorded the answer, so this may or may not have reached the customer. A delivery status may still arrive; if not, check with the customer, then use Retry to send it again.",
};

const isBusy = (error: unknown) => /SQLITE_BUSY|database is locked/i.test(String((error as Error)?.message ?? error));

export function createDispatcher(options: TDispatcherOptions) {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const batchSize = options.batchSize ?? 20;
  const concurrency = options.concurrency ?? 8;
  const idleMs = options.idleMs ?? 500;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 6;
  const confirmGraceMs = options.confirmGraceMs ?? 120_000;
  const mailDomain = options.mailDomain ?? "ssg-admin.local";
  const makeDb = options.createDb ?? createClient;
  const stats: TDispatcherStats = { claimed: 0, accepted: 0, retried: 0, fellBack: 0, failed: 0, uncertain: 0, requeued: 0 };

  /** A client of the dispatcher's own, with the connection settings applied before first use. */
  const connect = () => {
    const fresh = makeDb();
    return { db: fresh, ready: tuneConnection(fresh) };
  };
  let connection = connect();
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  /** Runs `work` on the dispatcher's client; on SQLITE_BUSY the client is replaced and `work` tried again. */
  async function withDb<T>(work: (db: TDb) => Promise<T>, tries = 4): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const used = connection;
      try {
        await used.ready;
        return await work(used.db);
      } catch (error) {
        if (!isBusy(error) || attempt >= tries) throw error;
        // Lanes that hit the same BUSY replace the client once.
        if (connection === used) {
          connection = connect();
          void used.db.$disconnect().catch(() => undefined);
          log.warn("outbox: database busy, new connection", { workerId, attempt });
        }
      }
    }
  }

  /** Lapsed leases: started tries become uncertain, unstarted claims go back to the queue. */
  async function recoverLapsedClaims(now: Date): Promise<void> {
    await withDb((db) =>
      db.$transaction(async (tx) => {
        const uncertain = await tx.$queryRaw<{ id: string }[]>`
          UPDATE "Message" SET "status" = 'uncertain', "leaseUntil" = NULL, "errorCode" = ${LEASE_LAPSED.code},
            "errorTitle" = ${LEASE_LAPSED.title}, "errorDetail" = ${LEASE_LAPSED.detail}, "updatedAt" = ${now}
          WHERE "status" = 'sending' AND "leaseUntil" < ${now}
            AND EXISTS (SELECT 1 FROM "MessageAttempt" a WHERE a."messageId" = "Message"."id" AND a."finishedAt" IS NULL)
          RETURNING "id"`;
        if (uncertain.length) {
          await tx.messageAttempt.updateMany({
            where: { messageId: { in: uncertain.map((row) => row.id) }, finishedAt: null },
            data: { finishedAt: now, outcome: "uncertain", errorCode: LEASE_LAPSED.code, errorTitle: LEASE_LAPSED.title },
          });
          stats.uncertain += uncertain.length;
          log.warn("outbox: sends cut off, marked uncertain", { count: uncertain.length });
        }
        const requeued = await tx.$executeRaw`
          UPDATE "Message" SET "status" = 'queued', "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = ${now}
          WHERE "status" = 'sending' AND "leaseUntil" < ${now}`;
        stats.requeued += requeued;
      }),
    );
  }

  async function claim(now: Date): Promise<string[]> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const rows = await withDb((db) =>
      db.$queryRaw<{ id: string }[]>`
        UPDATE "Message" SET "status" = 'sending', "claimedBy" = ${workerId}, "leaseUntil" = ${leaseUntil}, "updatedAt" = ${now}
        WHERE "id" IN (
          SELECT "id" FROM "Message" WHERE "status" = 'queued' AND "dueAt" <= ${now}
          ORDER BY "dueAt" LIMIT ${Prisma.raw(String(batchSize))}
        )
        RETURNING "id"`,
    );
    stats.claimed += rows.length;
    return rows.map((row) => row.id);
  }

  /**
   * Everything the claimed messages need, in a few queries for the whole batch: per-message reads
   * cost more CPU than the sends themselves. Rows no longer claimed by us are left out.
   */
  async function loadClaimed(ids: string[]) {
    return withDb(async (db) => {
      const [messages, settings] = await Promise.all([
        db.message.findMany({
          where: { id: { in: ids }, claimedBy: workerId, status: "sending" },
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

  type TClaimed = NonNullable<ReturnType<Awaited<ReturnType<typeof loadClaimed>>["get"]>>;

  /**
   * Writes the completion only while the claim is still ours. A failure is not written over a
   * status webhook that already proved the message went out (a `sent` that beat a timeout): the
   * try is then recorded as confirmed instead.
   */
  async function complete(id: string, attemptNumber: number | null, data: Prisma.MessageUpdateManyMutationInput, attempt?: Prisma.MessageAttemptUpdateManyMutationInput, statusAtLeast?: string) {
    const isFailure = !statusAtLeast;
    return withDb((db) =>
      db.$transaction(async (tx) => {
        const release = { ...data, claimedBy: null, leaseUntil: null };
        const ours = { id, claimedBy: workerId };
        let count: number;
        if (isFailure) {
          ({ count } = await tx.message.updateMany({ where: { ...ours, statusRank: { lt: statusRank("accepted") } }, data: release }));
        } else {
          // The status moves up to statusAtLeast, unless a webhook already moved it further:
          // "accepted" must not undo a "delivered". One statement in the usual case.
          const rank = statusRank(statusAtLeast);
          ({ count } = await tx.message.updateMany({ where: { ...ours, statusRank: { lt: rank } }, data: { ...release, status: statusAtLeast, statusRank: rank } }));
          if (count === 0) ({ count } = await tx.message.updateMany({ where: ours, data: release }));
        }
        if (count === 0 && isFailure) {
          const confirmed = await tx.message.updateMany({ where: { id, claimedBy: workerId }, data: { claimedBy: null, leaseUntil: null, dueAt: null } });
          if (confirmed.count && attemptNumber !== null) {
            await tx.messageAttempt.updateMany({ where: { messageId: id, number: attemptNumber }, data: { ...attempt, outcome: "confirmed" } });
          }
          return false;
        }
        if (count === 0) return false;
        if (attemptNumber !== null && attempt) await tx.messageAttempt.updateMany({ where: { messageId: id, number: attemptNumber }, data: attempt });
        return true;
      }),
    );
  }

  const requeue = (id: string, dueAt: Date) => complete(id, null, { status: "queued", statusRank: 0, dueAt });

  async function deliver({ message, setting }: TClaimed): Promise<void> {
    const id = message.id;
    const now = new Date();
    if (!message.customer) {
      await complete(id, null, { status: "failed", statusRank: statusRank("failed"), failedAt: now, errorCode: "no_customer", errorTitle: "Not sent", errorDetail: "The message has no customer." });
      return;
    }
    const plan = planAttempt({
      message,
      // About a quote or its order: to the details the quote was requested with.
      customer: recipientFor(message.customer, message.quote ?? message.order?.quote ?? null),
      quote: message.quote,
      order: message.order,
      setting,
      attempts: message.sendAttempts,
      now,
    });
    if (!plan.send) {
      // Written as a try of its own (channel "none"), so the audit log shows why and an admin's
      // Retry starts a new run after it.
      stats.failed++;
      const number = message.attempts + 1;
      await withDb((db) => db.messageAttempt.create({ data: { messageId: id, number, channel: "none", workerId, startedAt: now } }));
      await complete(
        id,
        number,
        { attempts: number, status: "failed", statusRank: statusRank("failed"), failedAt: now, errorCode: "no_channel", errorTitle: "No way to reach the customer", errorDetail: plan.reason, fallbackReason: null },
        { finishedAt: now, outcome: "failed", errorCode: "no_channel", errorTitle: "No way to reach the customer", errorDetail: plan.reason },
      );
      return;
    }

    if (plan.content.channel === "whatsapp") {
      const wait = await options.pacer.pairDelayMs(plan.to);
      if (wait > 0) {
        await requeue(id, new Date(now.getTime() + wait));
        return;
      }
      await options.pacer.acquire();
    }

    const attemptNumber = message.attempts + 1;
    const started = await startAttempt(id, attemptNumber, plan);
    if (!started) return;
    try {
      await send(id, attemptNumber, plan);
    } catch (error) {
      await recordFailure(id, attemptNumber, message.event !== null, plan, error, message.sendAttempts);
    }
  }

  const hide = (text: string | null | undefined, secret: string | null) => (text && secret ? text.split(secret).join("[link]") : (text ?? null));

  async function startAttempt(id: string, number: number, plan: Extract<TPlan, { send: true }>): Promise<boolean> {
    const content = plan.content;
    const startedAt = new Date();
    return withDb((db) =>
      db.$transaction(async (tx) => {
        const { count } = await tx.message.updateMany({
          where: { id, claimedBy: workerId, status: "sending" },
          data: {
            attempts: number,
            channel: content.channel,
            kind: content.kind,
            recipient: plan.to,
            fallbackReason: plan.fallbackReason,
            // The stored copy never holds the accept link's token: the database keeps only its hash.
            body: hide(content.kind === "text" ? content.body : content.kind === "email" ? content.email.text : null, plan.secret),
            subject: content.kind === "email" ? content.email.subject : null,
            templateName: content.kind === "template" ? content.templateName : null,
            templateLanguage: content.kind === "template" ? content.language : null,
            templateParams: content.kind === "template" ? JSON.stringify(content.parameters) : null,
            leaseUntil: new Date(startedAt.getTime() + leaseMs),
          },
        });
        if (count === 0) return false;
        await tx.messageAttempt.create({ data: { messageId: id, number, channel: content.channel, workerId, startedAt } });
        return true;
      }),
    );
  }

  async function send(id: string, number: number, plan: Extract<TPlan, { send: true }>): Promise<void> {
    const content = plan.content;
    const finishedAt = () => new Date();
    if (content.channel === "email") {
      const messageId = `${id}.${number}@${mailDomain}`;
      const result = await options.mailer.send({ to: plan.to, subject: content.email.subject, text: content.email.text, html: content.email.html, messageId, reference: id });
      const at = finishedAt();
      const payload = { to: plan.to, subject: content.email.subject, messageId: `<${messageId}>`, text: hide(content.email.text, plan.secret), html: hide(content.email.html, plan.secret) };
      await complete(
        id,
        number,
        { providerMessageId: `<${messageId}>`, providerResponse: result.response, requestPayload: JSON.stringify(payload), acceptedAt: at, sentAt: at, dueAt: null, errorCode: null, errorTitle: null, errorDetail: null, failedAt: null },
        { finishedAt: at, outcome: "accepted", providerMessageId: `<${messageId}>`, response: result.response },
        "sent",
      );
      stats.accepted++;
      return;
    }
    await options.pacer.awaitWindow();
    const result =
      content.kind === "text"
        ? await options.whatsapp.sendText({ to: plan.to, body: content.body, callbackData: id })
        : await options.whatsapp.sendTemplate({
            to: plan.to,
            name: content.templateName,
            language: content.language,
            bodyParameters: content.parameters,
            buttonUrlParameter: content.buttonUrlParameter,
            callbackData: id,
          });
    const at = finishedAt();
    await complete(
      id,
      number,
      {
        providerMessageId: result.wamid,
        recipient: result.waId ?? plan.to,
        requestPayload: hide(JSON.stringify(result.request), plan.secret),
        acceptedAt: at,
        dueAt: null,
        errorCode: null,
        errorTitle: null,
        errorDetail: null,
        failedAt: null,
      },
      { finishedAt: at, outcome: "accepted", providerMessageId: result.wamid },
      "accepted",
    );
    stats.accepted++;
  }

  /** Temporary failures in this run, counting this one; an admin's Retry starts a new run. */
  function failuresInARow(history: readonly { outcome: string | null }[]): number {
    return 1 + currentRun(history).filter((attempt) => attempt.outcome === "retry" || attempt.outcome === "unknown").length;
  }

  async function recordFailure(id: string, number: number, automatic: boolean, plan: Extract<TPlan, { send: true }>, error: unknown, history: readonly { outcome: string | null }[]) {
    const at = new Date();
    const failure = describeFailure(error, plan.content.channel);
    if (!(error instanceof WhatsAppError) && failure.code === "internal") log.error("outbox: unexpected error while sending", { messageId: id, error });
    const errorFields = { errorCode: failure.code, errorTitle: failure.title, errorDetail: failure.action, errorTraceId: failure.traceId ?? null };
    const attemptFields = { finishedAt: at, errorCode: failure.code, errorTitle: failure.title, errorDetail: failure.detail ?? failure.action, response: failure.response ?? null };
    const request = error instanceof WhatsAppError && error.request ? { requestPayload: hide(JSON.stringify(error.request), plan.secret) } : {};
    const inARow = failuresInARow(history);

    if (failure.windowClosed && automatic) {
      // Meta's clock says the window is closed: the next try uses the template (or email) at once.
      stats.retried++;
      await complete(id, number, { status: "queued", statusRank: 0, dueAt: at, ...errorFields, ...request }, { ...attemptFields, outcome: "retry" });
      return;
    }
    if (failure.windowClosed) failure.retryable = false;
    if (failure.retryable && inARow < maxAttempts) {
      stats.retried++;
      // No answer (timeout): wait long enough for a status webhook to prove it went out, which
      // moves it past "queued" so it is not claimed again.
      const delay = failure.outcomeUnknown ? Math.max(confirmGraceMs, failure.retryAfterMs ?? 0) : retryDelayMs(inARow, failure.retryAfterMs, options.backoff);
      await complete(id, number, { status: "queued", statusRank: 0, dueAt: new Date(at.getTime() + delay), ...errorFields, ...request }, { ...attemptFields, outcome: failure.outcomeUnknown ? "unknown" : "retry" });
      return;
    }
    if (failure.retryable && failure.outcomeUnknown) {
      stats.uncertain++;
      await complete(
        id,
        number,
        { status: "uncertain", statusRank: 0, dueAt: null, ...errorFields, errorDetail: `Gave up after ${inARow} tries without an answer; it may have reached the customer. ${failure.action}`, ...request },
        { ...attemptFields, outcome: "uncertain" },
      );
      return;
    }
    if (!failure.retryable && automatic && plan.content.channel === "whatsapp") {
      // A permanent WhatsApp error: the next try goes by email (plan.ts reads this attempt).
      stats.fellBack++;
      await complete(id, number, { status: "queued", statusRank: 0, dueAt: at, ...errorFields, ...request }, { ...attemptFields, outcome: "fallback" });
      return;
    }
    stats.failed++;
    const detail = failure.retryable ? `Gave up after ${inARow} tries. ${failure.action}` : failure.action;
    await complete(
      id,
      number,
      { status: "failed", statusRank: statusRank("failed"), failedAt: at, dueAt: null, ...errorFields, errorDetail: detail, ...request },
      { ...attemptFields, outcome: "failed" },
    );
  }

  async function round(): Promise<number> {
    const now = new Date();
    await recoverLapsedClaims(now);
    const ids = await claim(now);
    if (ids.length === 0) return 0;
    const loaded = await loadClaimed(ids);
    let next = 0;
    const lane = async () => {
      while (running || next < ids.length) {
        const id = ids[next++];
        if (id === undefined) return;
        const claimed = loaded.get(id);
        if (!claimed) continue;
        try {
          await deliver(claimed);
        } catch (error) {
          // The claim stays; its lease decides (uncertain if the try had started).
          log.error("outbox: could not process message", { messageId: id, error });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, lane));
    return ids.length;
  }

  return {
    workerId,
    stats,
    /** One round: recover lapsed claims, claim what is due, send it. Returns how many were claimed. */
    runOnce: round,
    /** Runs rounds until nothing is due (for tests and benchmarks). */
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
            const claimed = await round();
            if (claimed > 0) continue;
          } catch (error) {
            log.error("outbox: round failed", { error });
          }
          if (!running) break;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, idleMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
      })();
    },
    /** Starts the next round now instead of after the idle pause. */
    poke() {
      wake?.();
    },
    /** Stops claiming, lets the sends in flight finish, and closes the connection. */
    async stop(): Promise<void> {
      running = false;
      wake?.();
      await loop;
      loop = null;
      await connection.db.$disconnect();
    },
  };
}

export type TDispatcher = ReturnType<typeof createDispatcher>;

type TFailure = TEmailFailure & { retryAfterMs?: number; outcomeUnknown?: boolean; windowClosed?: boolean; traceId?: string; detail?: string };

function describeFailure(error: unknown, channel: "whatsapp" | "email"): TFailure {
  if (error instanceof WhatsAppError) {
    const windowClosed = error.code === 131047;
    return {
      code: String(error.code),
      title: error.title,
      action: error.action,
      detail: error.details,
      // 131047 is permanent for free text, but a template may be sent instead.
      retryable: error.retryable || windowClosed,
      retryAfterMs: error.retryAfterMs,
      outcomeUnknown: error.outcomeUnknown,
      windowClosed,
      traceId: error.fbtraceId,
    };
  }
  if (channel === "email") {
    const failure = describeEmailError(error);
    return { ...failure, detail: failure.response };
  }
  return { code: "internal", title: "Unexpected error", action: "Check the server log; the message was not sent.", retryable: false, detail: (error as Error)?.message };
}
