// Changes an admin makes to a quote. Each one is a single transaction that also writes the
// timeline entry, and is guarded by the status it started from (`updateMany where status =
// from`), so of two admins acting at once exactly one wins and the other is told why.
import "server-only";
import { inTransaction, type TTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/format";
import { enqueueNotification } from "@/lib/message-lifecycle/enqueue";
import { createOrderForAcceptedQuote } from "@/lib/orders/commands";
import { acceptToken, hashAcceptToken, validUntilFrom } from "@/lib/quotes/accept-link";
import { refreshQuoteSearchText } from "@/lib/search-text";
import { assertTransition, statusLabel, type TManualStatusTarget, type TQuoteStatus } from "@/lib/quotes/status";

/** A quote's move; `eventId` is its timeline entry, which also versions the message it queues. */
export type TStatusMove = { quoteId: string; customerId: string; from: TQuoteStatus; to: TQuoteStatus; eventId: string };

const CHANGED_MEANWHILE = "Someone else changed this quote a moment ago. Reload the page to see what changed, then try again.";

type TMoveInput = {
  quoteId: string;
  to: TQuoteStatus;
  /** Null when the customer acts through the quote's link. */
  actorId: string | null;
  note?: string | null;
  expectedStatus?: TQuoteStatus;
  /** Extra columns written with the status (the answer, the accept link, the decline reason). */
  data?: {
    quotedAmountCents?: number;
    quoteMessage?: string;
    answeredAt?: Date;
    validUntil?: Date;
    acceptTokenHash?: string;
    respondedAt?: Date;
    declineReason?: string | null;
  };
  /** The timeline note, from the quote as it was before the move. */
  describe?: (before: { quotedAmountCents: number | null }) => string;
};

async function moveStatus(tx: TTx, input: TMoveInput): Promise<TStatusMove> {
  const quote = await tx.quote.findUnique({
    where: { id: input.quoteId },
    select: { status: true, quotedAmountCents: true, customerId: true },
  });
  if (!quote) throw new AppError("not_found", "This quote no longer exists.");
  if (input.expectedStatus && input.expectedStatus !== quote.status) {
    throw new AppError(
      "conflict",
      `This quote was changed while you were looking at it: it is ${statusLabel(quote.status).toLowerCase()} now. Reload the page and check before you try again.`,
    );
  }
  assertTransition(quote.status, input.to);
  const from = quote.status as TQuoteStatus;

  // The read above and this write are not atomic on every database (PostgreSQL runs READ
  // COMMITTED): matching on the status we read makes a concurrent change turn into count 0.
  const { count } = await tx.quote.updateMany({
    where: { id: input.quoteId, status: from },
    data: { status: input.to, ...input.data },
  });
  if (count === 0) throw new AppError("conflict", CHANGED_MEANWHILE);

  const event = await tx.quoteStatusEvent.create({
    data: {
      quoteId: input.quoteId,
      fromStatus: from,
      toStatus: input.to,
      note: input.describe?.(quote) ?? input.note ?? null,
      actorId: input.actorId,
    },
    select: { id: true },
  });
  return { quoteId: input.quoteId, customerId: quote.customerId, from, to: input.to, eventId: event.id };
}

export type TAnswerQuoteCommand = {
  quoteId: string;
  amountCents: number;
  message: string;
  actorId: string;
  expectedStatus?: TQuoteStatus;
  now?: Date;
};

/**
 * Sets the price and message and moves the quote to "quoted" (again, when correcting an earlier
 * answer). In a transaction of its own, or in the caller's `callerTx` (see inTransaction).
 */
export async function answerQuote(input: TAnswerQuoteCommand, callerTx?: TTx): Promise<TStatusMove> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    throw new AppError("invalid_input", "The price must be more than zero.");
  }
  const price = formatMoney(input.amountCents);
  const answeredAt = input.now ?? new Date();
  return inTransaction(async (tx) => {
    const move = await moveStatus(tx, {
      quoteId: input.quoteId,
      to: "quoted",
      actorId: input.actorId,
      expectedStatus: input.expectedStatus,
      data: {
        quotedAmountCents: input.amountCents,
        quoteMessage: input.message,
        answeredAt,
        // A new answer makes a new link; the one sent with an earlier price stops working.
        validUntil: validUntilFrom(answeredAt),
        acceptTokenHash: hashAcceptToken(acceptToken({ id: input.quoteId, answeredAt })),
      },
      describe: (before) =>
        before.quotedAmountCents === null ? `Answered with ${price}.` : `Answer changed to ${price} (was ${formatMoney(before.quotedAmountCents)}).`,
    });
    // The answer's words are searchable too.
    await refreshQuoteSearchText(tx, move.quoteId);
    await enqueueNotification(tx, { event: "quote.answered", customerId: move.customerId, quoteId: move.quoteId, version: move.eventId, now: answeredAt });
    return move;
  }, callerTx);
}

export type TRespondInput = {
  quoteId: string;
  /** Null when the customer answers through the link. */
  actorId: string | null;
  expectedStatus?: TQuoteStatus;
  note?: string | null;
  now?: Date;
};

/**
 * The quote is accepted: in one transaction the status moves, the order is made and the
 * confirmation is queued. Returns the order's id as well.
 */
export async function acceptQuote(input: TRespondInput, callerTx?: TTx): Promise<TStatusMove & { orderId: string }> {
  const now = input.now ?? new Date();
  return inTransaction(async (tx) => {
    const move = await moveStatus(tx, {
      quoteId: input.quoteId,
      to: "accepted",
      actorId: input.actorId,
      expectedStatus: input.expectedStatus,
      note: input.note ?? (input.actorId ? null : "Accepted by the customer through the quote's link."),
      data: { respondedAt: now },
    });
    const order = await createOrderForAcceptedQuote(tx, { quoteId: move.quoteId, actorId: input.actorId, now });
    await enqueueNotification(tx, { event: "quote.accepted", customerId: move.customerId, quoteId: move.quoteId, orderId: order.id, version: move.eventId, now });
    return { ...move, orderId: order.id };
  }, callerTx);
}

/** The quote is declined, with the customer's reason if they gave one, and the confirmation queued. */
export async function declineQuote(input: TRespondInput & { reason?: string | null }, callerTx?: TTx): Promise<TStatusMove> {
  const now = input.now ?? new Date();
  const reason = input.reason?.trim() || null;
  return inTransaction(async (tx) => {
    const move = await moveStatus(tx, {
      quoteId: input.quoteId,
      to: "declined",
      actorId: input.actorId,
      expectedStatus: input.expectedStatus,
      note: input.note ?? (input.actorId ? null : reason ? `Declined by the customer: "${reason}"` : "Declined by the customer through the quote's link."),
      data: { respondedAt: now, declineReason: reason },
    });
    await enqueueNotification(tx, { event: "quote.declined", customerId: move.customerId, quoteId: move.quoteId, version: move.eventId, now });
    return move;
  }, callerTx);
}

export type TChangeQuoteStatusCommand = {
  quoteId: string;
  to: TManualStatusTarget;
  note?: string | null;
  actorId: string;
  expectedStatus?: TQuoteStatus;
};

/**
 * Accepts, declines, expires or cancels a quote, if the rules allow it from its status now.
 * Accepting and declining do what the customer's link does (an order, a confirmation).
 */
export function changeQuoteStatus(input: TChangeQuoteStatusCommand): Promise<TStatusMove> {
  if (input.to === "accepted") return acceptQuote(input);
  if (input.to === "declined") return declineQuote(input);
  return inTransaction((tx) => moveStatus(tx, input));
}
