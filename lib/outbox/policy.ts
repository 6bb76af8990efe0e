// What the outbox does after a failed try: retry at a time, send the template at once (Meta says
// the 24-hour window is closed), hold it while Meta refuses the access token (190), fall back to
// email, give up as failed, or give up as uncertain (no answer: it may have gone out). Pure: the dispatcher stores the decision (lib/outbox/store.ts).
import { describeEmailError, type TEmailFailure } from "@/lib/email/errors";
import { retryDelayMs, type TBackoffOptions } from "@/lib/outbox/backoff";
import { currentRun } from "@/lib/outbox/plan";
import { TOKEN_HOLD_MS } from "@/lib/whatsapp-setup/hold-interval";
import { WhatsAppError } from "@/lib/whatsapp/errors";
import { afterWhatsAppRefusal, isWindowClosed } from "@/lib/message-lifecycle/whatsapp-refusal";

/** A failed try, classified: what to tell the admin and whether trying again can help. */
export type TFailure = TEmailFailure & {
  retryAfterMs?: number;
  /** No answer (a timeout): the provider may have taken it. */
  outcomeUnknown?: boolean;
  /** Meta's 131047: free text outside the 24-hour window, where a template may be sent instead. */
  windowClosed?: boolean;
  /** Meta's 190: the access token expired or is invalid; nothing goes out on WhatsApp until it works. */
  tokenRefused?: boolean;
  traceId?: string;
  detail?: string;
};

export function describeFailure(error: unknown, channel: "whatsapp" | "email"): TFailure {
  if (error instanceof WhatsAppError) {
    const windowClosed = isWindowClosed(error.code);
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
      tokenRefused: error.code === 190,
      traceId: error.fbtraceId,
    };
  }
  if (channel === "email") {
    const failure = describeEmailError(error);
    return { ...failure, detail: failure.response };
  }
  return { code: "internal", title: "Unexpected error", action: "Check the server log; the message was not sent.", retryable: false, detail: (error as Error)?.message };
}

/** Holds for a refused token in this run, before this one. */
export function holdsInARow(history: readonly { outcome: string | null }[]): number {
  return currentRun(history).filter((attempt) => attempt.outcome === "held").length;
}

/** Temporary failures in this run, counting this one; an admin's Retry starts a new run. */
export function failuresInARow(history: readonly { outcome: string | null }[]): number {
  return 1 + currentRun(history).filter((attempt) => attempt.outcome === "retry" || attempt.outcome === "unknown").length;
}

export type TPolicyOptions = {
  /** Tries in a row that may fail temporarily before the message is given up. */
  maxAttempts: number;
  /** After a timeout: how long to wait for a status webhook before trying again. */
  confirmGraceMs: number;
  backoff?: TBackoffOptions;
  /** While Meta refuses the token: how long a WhatsApp send waits before the token is checked again. */
  tokenHoldMs?: number;
};

export type TFailureInput = {
  failure: TFailure;
  channel: "whatsapp" | "email";
  /** Queued by an event (not written by an admin): such a message may change channel by itself. */
  automatic: boolean;
  /** The try sent a WhatsApp template (not free text). */
  template?: boolean;
  /** Failures in this run, counting this one (failuresInARow). */
  inARow: number;
  /** Holds for a refused token in this run before this one (holdsInARow). */
  heldBefore?: number;
  at: Date;
};

/** The attempt's outcome beside each decision is what lib/outbox/plan.ts reads on the next try. */
export type TNext =
  | { next: "retry"; dueAt: Date; outcome: "retry" | "unknown" }
  | { next: "template"; dueAt: Date; outcome: "retry" }
  | { next: "hold"; dueAt: Date; outcome: "held" }
  | { next: "fallback"; dueAt: Date; outcome: "fallback" }
  | { next: "uncertain"; detail: string; outcome: "uncertain" }
  | { next: "failed"; detail: string; outcome: "failed" };

export function nextAfterFailure(input: TFailureInput, options: TPolicyOptions): TNext {
  const { failure, at, inARow } = input;
  // A refused token is the installation's problem, not the message's: it waits, without using
  // up its tries, until the token works. Only a message refused again and again while its token
  // works for others (which Meta does not do) goes on to the permanent-failure path.
  if (failure.tokenRefused && input.channel === "whatsapp" && (input.heldBefore ?? 0) < options.maxAttempts) {
    return { next: "hold", dueAt: new Date(at.getTime() + (options.tokenHoldMs ?? TOKEN_HOLD_MS)), outcome: "held" };
  }
  const retryable = failure.retryable && !failure.windowClosed;
  if (retryable && inARow < options.maxAttempts) {
    // No answer (timeout): wait long enough for a status webhook to prove it went out, which
    // moves it past "queued" so it is not claimed again.
    const delay = failure.outcomeUnknown ? Math.max(options.confirmGraceMs, failure.retryAfterMs ?? 0) : retryDelayMs(inARow, failure.retryAfterMs, options.backoff);
    return { next: "retry", dueAt: new Date(at.getTime() + delay), outcome: failure.outcomeUnknown ? "unknown" : "retry" };
  }
  if (retryable && failure.outcomeUnknown) {
    return { next: "uncertain", detail: `Gave up after ${inARow} tries without an answer; it may have reached the customer. ${failure.action}`, outcome: "uncertain" };
  }
  // Refused for good by WhatsApp: an automatic message's next try takes the template after a
  // closed window, else email, at once (the rule shared with a refusal Meta reports later).
  if (!retryable && input.channel === "whatsapp") {
    const after = afterWhatsAppRefusal({ code: failure.code, template: input.template ?? false, automatic: input.automatic });
    if (after.next !== "failed") return { ...after, dueAt: at };
  }
  return { next: "failed", detail: retryable ? `Gave up after ${inARow} tries. ${failure.action}` : failure.action, outcome: "failed" };
}
