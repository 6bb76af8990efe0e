// The customer's answer to a quote through a WhatsApp quick-reply button ("Accept" / "Decline" on
// the template that carried the quote): the same commands as the accept link, in the webhook's
// transaction, with a timeline entry saying it came by WhatsApp. It runs once per inbound message
// (the message is stored once per wamid), so a repeated webhook cannot act twice; a second tap, or
// a tap on a quote that is no longer open, changes nothing and says why.
import "server-only";
import type { TTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { acceptQuote, declineQuote } from "@/lib/quotes/commands";
import { statusLabel } from "@/lib/quotes/status";

export type TQuickReplyAnswer = "accept" | "decline";

/** "Accept" / "Decline" from a button's payload or its text (any case, any words after it). */
export function quickReplyAnswer(button: { text?: string | null; payload?: string | null }): TQuickReplyAnswer | null {
  for (const value of [button.payload, button.text]) {
    const word = value?.trim().toLowerCase() ?? "";
    if (/^accept\b/.test(word)) return "accept";
    if (/^decline\b/.test(word)) return "decline";
  }
  return null;
}

export type TQuickReplyInput = { quoteId: string; answer: TQuickReplyAnswer; buttonText: string; now: Date };

/** What the answer did, in words for the message's history; `acted` when the quote moved (and its confirmation was queued). */
export type TQuickReplyResult = { outcome: string; acted: boolean };

const unchanged = (reason: string): TQuickReplyResult => ({ outcome: `Nothing changed: ${reason}`, acted: false });

export async function respondByWhatsApp(tx: TTx, input: TQuickReplyInput): Promise<TQuickReplyResult> {
  const quote = await tx.quote.findUnique({ where: { id: input.quoteId }, select: { status: true, validUntil: true } });
  if (!quote) return unchanged("the quote no longer exists.");
  if (quote.status !== "quoted") return unchanged(`the quote was already ${statusLabel(quote.status).toLowerCase()}.`);
  // The same rule as the accept link: an answer after the offer's end does not count.
  if (!quote.validUntil || quote.validUntil <= input.now) return unchanged("the quote's offer had ended.");
  const note = `${input.answer === "accept" ? "Accepted" : "Declined"} by the customer on WhatsApp (tapped "${input.buttonText}").`;
  const command = { quoteId: input.quoteId, actorId: null, expectedStatus: "quoted" as const, note, now: input.now };
  try {
    if (input.answer === "accept") {
      await acceptQuote(command, tx);
      return { outcome: "Accepted the quote; the order was made.", acted: true };
    }
    await declineQuote(command, tx);
    return { outcome: "Declined the quote.", acted: true };
  } catch (error) {
    // Changed by an admin in the same moment: the first answer counted.
    if (error instanceof AppError && error.code === "conflict") return unchanged(error.message);
    throw error;
  }
}
