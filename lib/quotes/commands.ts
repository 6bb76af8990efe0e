// Changes to a quote by an admin. Each is one transaction with its timeline entry, and guarded
// by the status it started from, so two admins acting at once cannot both win.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/format";
import { assertTransition, type TQuoteStatus } from "@/lib/quotes/status";

async function moveStatus(input: { quoteId: string; to: TQuoteStatus; actorId: string; note?: string | null; data?: Record<string, unknown> }) {
  return db.$transaction(async (tx) => {
    const quote = await tx.quote.findUnique({ where: { id: input.quoteId }, select: { status: true } });
    if (!quote) throw new AppError("not_found", "This quote no longer exists.");
    assertTransition(quote.status, input.to);
    const { count } = await tx.quote.updateMany({
      where: { id: input.quoteId, status: quote.status },
      data: { status: input.to, ...input.data },
    });
    if (count === 0) throw new AppError("conflict", "Someone else changed this quote a moment ago. Reload the page and try again.");
    await tx.quoteStatusEvent.create({
      data: { quoteId: input.quoteId, fromStatus: quote.status, toStatus: input.to, note: input.note ?? null, actorId: input.actorId },
    });
  });
}

export function answerQuote(input: { quoteId: string; amountCents: number; message: string; actorId: string; now?: Date }) {
  return moveStatus({
    quoteId: input.quoteId,
    to: "quoted",
    actorId: input.actorId,
    note: `Answered with ${formatMoney(input.amountCents)}`,
    data: { quotedAmountCents: input.amountCents, quoteMessage: input.message, answeredAt: input.now ?? new Date() },
  });
}

export function changeQuoteStatus(input: { quoteId: string; to: Exclude<TQuoteStatus, "new" | "quoted">; note?: string; actorId: string }) {
  return moveStatus(input);
}
