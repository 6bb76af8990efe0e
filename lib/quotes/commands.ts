// Changes an admin makes to a quote. Each one is a single transaction that also writes the
// timeline entry, and is guarded by the status it started from (`updateMany where status =
// from`), so of two admins acting at once exactly one wins and the other is told why.
import { db, type TDb, type TTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/format";
import { assertTransition, statusLabel, type TManualStatusTarget, type TQuoteStatus } from "@/lib/quotes/status";

type TClient = TDb | TTx;

export type TStatusMove = { quoteId: string; from: TQuoteStatus; to: TQuoteStatus };

const CHANGED_MEANWHILE = "Someone else changed this quote a moment ago. Reload the page to see what changed, then try again.";

/** Runs `work` in a new transaction, or in the caller's when it passes one. */
function inTransaction<T>(client: TClient, work: (tx: TTx) => Promise<T>): Promise<T> {
  return "$transaction" in client ? client.$transaction(work) : work(client);
}

type TMoveInput = {
  quoteId: string;
  to: TQuoteStatus;
  actorId: string;
  note?: string | null;
  expectedStatus?: TQuoteStatus;
  /** Extra columns written with the status (the answer's amount and message). */
  data?: { quotedAmountCents: number; quoteMessage: string; answeredAt: Date };
  /** The timeline note, from the quote as it was before the move. */
  describe?: (before: { quotedAmountCents: number | null }) => string;
};

async function moveStatus(tx: TTx, input: TMoveInput): Promise<TStatusMove> {
  const quote = await tx.quote.findUnique({
    where: { id: input.quoteId },
    select: { status: true, quotedAmountCents: true },
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

  await tx.quoteStatusEvent.create({
    data: {
      quoteId: input.quoteId,
      fromStatus: from,
      toStatus: input.to,
      note: input.describe?.(quote) ?? input.note ?? null,
      actorId: input.actorId,
    },
  });
  return { quoteId: input.quoteId, from, to: input.to };
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
 * answer). Takes a client so a caller can answer and queue the customer's notification in one
 * transaction; pass `db` to run on its own.
 */
export async function answerQuote(client: TClient, input: TAnswerQuoteCommand): Promise<TStatusMove> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    throw new AppError("invalid_input", "The price must be more than zero.");
  }
  const price = formatMoney(input.amountCents);
  return inTransaction(client, (tx) =>
    moveStatus(tx, {
      quoteId: input.quoteId,
      to: "quoted",
      actorId: input.actorId,
      expectedStatus: input.expectedStatus,
      data: { quotedAmountCents: input.amountCents, quoteMessage: input.message, answeredAt: input.now ?? new Date() },
      describe: (before) =>
        before.quotedAmountCents === null ? `Answered with ${price}.` : `Answer changed to ${price} (was ${formatMoney(before.quotedAmountCents)}).`,
    }),
  );
}

export type TChangeQuoteStatusCommand = {
  quoteId: string;
  to: TManualStatusTarget;
  note?: string | null;
  actorId: string;
  expectedStatus?: TQuoteStatus;
};

/** Accepts, declines, expires or cancels a quote, if the rules allow it from its status now. */
export function changeQuoteStatus(input: TChangeQuoteStatusCommand): Promise<TStatusMove> {
  return db.$transaction((tx) => moveStatus(tx, input));
}
