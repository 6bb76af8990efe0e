// The outbox's send side. Each round claims due messages (lib/outbox/store.ts), decides each one's
// channel and content at send time (lib/outbox/plan.ts), sends it through lib/whatsapp or the
// mailer, and stores the result; after a failure lib/outbox/policy.ts says what comes next. The
// rules that keep it "never lost, never doubled":
//
// - A claim is atomic and carries a lease: two dispatchers never get the same row.
// - Before calling the provider, the try is written down (a MessageAttempt with no finish time),
//   in the same transaction that checks the claim is still ours.
// - When a lease lapses (the process died), a message whose try was written down becomes
//   "uncertain" and is never sent again by itself: the call may have gone out. One whose try was
//   not written down had not been sent, and is queued again.
// - Every completion is fenced by the claim, so a dispatcher that lost its claim changes nothing.
// - A timeout is retried only after a grace period in which a status webhook (matched by our id
//   in biz_opaque_callback_data) would have shown that Meta did take it.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { TDb } from "@/lib/db";
import type { TMailer } from "@/lib/email/mailer";
import { log } from "@/lib/log";
import { recipientFor } from "@/lib/customers/recipient";
import { toFailed, toQueued, toUncertain } from "@/lib/message-lifecycle/transitions";
import type { TBackoffOptions } from "@/lib/outbox/backoff";
import { createLoop } from "@/lib/outbox/loop";
import type { TPacer } from "@/lib/outbox/pacing";
import { planAttempt, type TPlan } from "@/lib/outbox/plan";
import { describeFailure, failuresInARow, holdsInARow, nextAfterFailure } from "@/lib/outbox/policy";
import { storedContent, withoutSecret } from "@/lib/outbox/stored-copy";
import { createOutboxStore, type TClaimed } from "@/lib/outbox/store";
import { WhatsAppError } from "@/lib/whatsapp/errors";
import { heldFields, type TTokenGate } from "@/lib/whatsapp-setup/token-hold";
import { isBusinessInitiated } from "@/lib/whatsapp-usage/business-initiated";
import type { TMessagingLimitGuard } from "@/lib/whatsapp-usage/guard";
import type { TSendResult } from "@/lib/whatsapp/client";
import type { TTemplateMessage, TTextMessage } from "@/lib/whatsapp/payloads";
import type { TTemplateGate } from "@/lib/templates/send-check";

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
  /** Holds WhatsApp sends while Meta refuses the access token (lib/whatsapp-setup/token-hold.ts). */
  tokenGate?: TTokenGate;
  /** How long a send refused for its token waits (default 10 minutes; the gate's interval). */
  tokenHoldMs?: number;
  /** Holds business-initiated sends while the messaging limit is full (lib/whatsapp-usage/guard.ts). */
  messagingLimit?: TMessagingLimitGuard;
  /** Refuses a template the stored list says Meta would refuse; names a named one's parameters (lib/templates/send-check.ts). */
  templates?: TTemplateGate;
};

export type TDispatcherStats = { claimed: number; accepted: number; retried: number; fellBack: number; failed: number; uncertain: number; requeued: number; held: number };

type TSendPlan = Extract<TPlan, { send: true }>;

export function createDispatcher(options: TDispatcherOptions) {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const batchSize = options.batchSize ?? 20;
  const concurrency = options.concurrency ?? 8;
  const mailDomain = options.mailDomain ?? "ssg-admin.local";
  const policy = { maxAttempts: options.maxAttempts ?? 6, confirmGraceMs: options.confirmGraceMs ?? 120_000, backoff: options.backoff, tokenHoldMs: options.tokenHoldMs };
  const store = createOutboxStore({ workerId, leaseMs: options.leaseMs ?? 60_000, createDb: options.createDb });
  const stats: TDispatcherStats = { claimed: 0, accepted: 0, retried: 0, fellBack: 0, failed: 0, uncertain: 0, requeued: 0, held: 0 };

  async function deliver({ message, setting }: TClaimed): Promise<void> {
    const id = message.id;
    const now = new Date();
    if (!message.customer) {
      await store.finishFailure(id, null, { ...toFailed(now), errorCode: "no_customer", errorTitle: "Not sent", errorDetail: "The message has no customer." });
      return;
    }
    // About a quote or its order: to the details the quote was requested with.
    const customer = recipientFor(message.customer, message.quote ?? message.order?.quote ?? null);
    const plan = planAttempt({
      message,
      customer,
      quote: message.quote,
      order: message.order,
      setting,
      attempts: message.sendAttempts,
      now,
    });
    const number = message.attempts + 1;
    if (!plan.send) {
      // Written as a try of its own (channel "none"), so the audit log shows why and an admin's
      // Retry starts a new run after it.
      stats.failed++;
      const error = { errorCode: "no_channel", errorTitle: "No way to reach the customer", errorDetail: plan.reason };
      await store.recordUnsendable(id, number, { ...toFailed(now), ...error, fallbackReason: null }, { finishedAt: now, outcome: "failed", ...error }, now);
      return;
    }

    if (plan.content.channel === "whatsapp") {
      // Meta refuses the token: wait without a call (and without a try) until it works.
      const hold = await options.tokenGate?.holdFor(now);
      if (hold) {
        await store.release(id, hold.until, hold.change);
        return;
      }
      const wait = await options.pacer.pairDelayMs(plan.to);
      if (wait > 0) {
        await store.release(id, new Date(now.getTime() + wait));
        return;
      }
      await options.pacer.acquire();
    }

    if (!(await startAttempt(id, number, plan, customer.lastInboundWhatsAppAt))) return;
    try {
      await send(id, number, plan);
    } catch (error) {
      await recordFailure(id, number, message.event !== null, plan, error, message.sendAttempts);
    }
  }

  /**
   * Writes the try down, unless it is business-initiated and the messaging limit is full: then it
   * stays queued until a slot frees, with the reason (held, not failed; no try is recorded).
   */
  async function startAttempt(id: string, number: number, plan: TSendPlan, lastInboundWhatsAppAt: Date | null): Promise<boolean> {
    const startedAt = new Date();
    const businessInitiated = isBusinessInitiated(plan.content, lastInboundWhatsAppAt, startedAt);
    const start = () => store.startAttempt(id, number, { ...storedContent(plan), businessInitiatedAt: businessInitiated ? startedAt : null }, startedAt);
    if (!businessInitiated || !options.messagingLimit) return start();
    const checked = await options.messagingLimit.check({ messageId: id, recipient: plan.to, now: startedAt }, start);
    if (!checked.held) return checked.started;
    const { dueAt, ...reason } = checked.held;
    stats.held++;
    await store.finishFailure(id, null, { ...toQueued(dueAt), ...reason });
    return false;
  }

  async function send(id: string, number: number, plan: TSendPlan): Promise<void> {
    const content = plan.content;
    const hide = (text: string | null | undefined) => withoutSecret(text, plan.secret);
    const cleared = { dueAt: null, errorCode: null, errorTitle: null, errorDetail: null, failedAt: null };
    if (content.channel === "email") {
      const messageId = `${id}.${number}@${mailDomain}`;
      const result = await options.mailer.send({ to: plan.to, subject: content.email.subject, text: content.email.text, html: content.email.html, messageId, reference: id });
      const at = new Date();
      const payload = { to: plan.to, subject: content.email.subject, messageId: `<${messageId}>`, text: hide(content.email.text), html: hide(content.email.html) };
      await store.finishSuccess(
        id,
        number,
        "sent",
        { ...cleared, providerMessageId: `<${messageId}>`, providerResponse: result.response, requestPayload: JSON.stringify(payload), acceptedAt: at, sentAt: at },
        { finishedAt: at, outcome: "accepted", providerMessageId: `<${messageId}>`, response: result.response },
      );
      stats.accepted++;
      return;
    }
    // Refused with the stored reason (a WhatsAppError with Meta's code) before any call is made.
    const template = content.kind === "template" ? await options.templates?.check(content.templateName, content.language) : undefined;
    await options.pacer.awaitWindow();
    const result =
      content.kind === "text"
        ? await options.whatsapp.sendText({ to: plan.to, body: content.body, callbackData: id })
        : await options.whatsapp.sendTemplate({
            to: plan.to,
            name: content.templateName,
            language: content.language,
            bodyParameters: content.parameters,
            bodyParameterNames: template?.parameterNames,
            buttonUrlParameter: content.buttonUrlParameter,
            callbackData: id,
          });
    const at = new Date();
    await store.finishSuccess(
      id,
      number,
      "accepted",
      { ...cleared, providerMessageId: result.wamid, recipient: result.waId ?? plan.to, requestPayload: hide(JSON.stringify(result.request)), acceptedAt: at },
      { finishedAt: at, outcome: "accepted", providerMessageId: result.wamid },
    );
    stats.accepted++;
    await options.tokenGate?.worked(at);
  }

  async function recordFailure(id: string, number: number, automatic: boolean, plan: TSendPlan, error: unknown, history: readonly { outcome: string | null }[]) {
    const at = new Date();
    const failure = describeFailure(error, plan.content.channel);
    if (!(error instanceof WhatsAppError) && failure.code === "internal") log.error("outbox: unexpected error while sending", { messageId: id, error });
    const errorFields = { errorCode: failure.code, errorTitle: failure.title, errorDetail: failure.action, errorTraceId: failure.traceId ?? null };
    const request = error instanceof WhatsAppError && error.request ? { requestPayload: withoutSecret(JSON.stringify(error.request), plan.secret) } : {};
    const attempt = { finishedAt: at, errorCode: failure.code, errorTitle: failure.title, errorDetail: failure.detail ?? failure.action, response: failure.response ?? null };
    const decision = nextAfterFailure(
      { failure, channel: plan.content.channel, automatic, template: plan.content.kind === "template", inARow: failuresInARow(history), heldBefore: holdsInARow(history), at },
      policy,
    );
    const { outcome } = decision;
    switch (decision.next) {
      case "retry":
      case "template":
        stats.retried++;
        await store.finishFailure(id, number, { ...toQueued(decision.dueAt), ...errorFields, ...request }, { ...attempt, outcome });
        return;
      case "hold": {
        // Every other WhatsApp send now waits too, without a call, until the token works.
        const until = (await options.tokenGate?.refused({ code: failure.code, title: failure.title }, at)) ?? decision.dueAt;
        stats.retried++;
        await store.finishFailure(id, number, { ...toQueued(until), ...heldFields(failure.title), errorTraceId: failure.traceId ?? null, ...request }, { ...attempt, outcome });
        return;
      }
      case "fallback":
        stats.fellBack++;
        await store.finishFailure(id, number, { ...toQueued(decision.dueAt), ...errorFields, ...request }, { ...attempt, outcome });
        return;
      case "uncertain":
        stats.uncertain++;
        await store.finishFailure(id, number, { ...toUncertain(), ...errorFields, errorDetail: decision.detail, ...request }, { ...attempt, outcome });
        return;
      case "failed":
        stats.failed++;
        await store.finishFailure(id, number, { ...toFailed(at), ...errorFields, errorDetail: decision.detail, ...request }, { ...attempt, outcome });
    }
  }

  async function round(): Promise<number> {
    const now = new Date();
    await options.tokenGate?.prepare(now);
    const recovered = await store.recoverLapsedClaims(now);
    stats.uncertain += recovered.uncertain;
    stats.requeued += recovered.requeued;
    const ids = await store.claim(now, batchSize);
    stats.claimed += ids.length;
    if (ids.length === 0) return 0;
    const loaded = await store.loadClaimed(ids);
    let next = 0;
    // Every claimed message is processed, also after stop(): a claim left alone waits for its lease.
    const lane = async () => {
      for (let id = ids[next++]; id !== undefined; id = ids[next++]) {
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

  const loop = createLoop(round, { idleMs: options.idleMs ?? 500 });

  return {
    workerId,
    stats,
    /** One round: recover lapsed claims, claim what is due, send it. Returns how many were claimed. */
    runOnce: loop.runOnce,
    /** Runs rounds until nothing is due (for tests and benchmarks). */
    drain: loop.drain,
    start: loop.start,
    /** Starts the next round now instead of after the idle pause. */
    poke: loop.poke,
    /** Stops claiming, lets the sends in flight finish, and closes the connection. */
    async stop(): Promise<void> {
      await loop.stop();
      await store.close();
    },
  };
}

export type TDispatcher = ReturnType<typeof createDispatcher>;
