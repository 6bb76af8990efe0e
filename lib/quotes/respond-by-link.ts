// The customer's side of the accept link: what the link shows, and accepting or declining
// through it. Every outcome is a page the customer understands: an unknown or replaced link, an
// expired quote, a quote already answered (a second click shows the answer instead of acting
// again), or the open quote itself.
import "server-only";
import { z } from "zod";
import { ZMultilineTextSchema } from "@/lib/zod/text";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { announceQueued } from "@/lib/message-lifecycle/queue-signal";
import { ACCEPT_TOKEN_PATTERN, hashAcceptToken } from "@/lib/quotes/accept-link";
import { acceptQuote, declineQuote } from "@/lib/quotes/commands";

export type TLinkQuote = {
  number: string;
  occasion: string;
  status: string;
  amountCents: number | null;
  currency: string;
  message: string | null;
  validUntil: Date | null;
  neededBy: string | null;
  respondedAt: Date | null;
  declineReason: string | null;
  customerName: string;
  orderNumber: string | null;
};

export type TLinkQuoteRow = TLinkQuote & { id: string };

export type TLinkState =
  | { state: "unknown" }
  | { state: "expired"; quote: TLinkQuoteRow }
  | { state: "open"; quote: TLinkQuoteRow }
  | { state: "closed"; quote: TLinkQuoteRow };

export async function quoteForLink(token: string, now = new Date()): Promise<TLinkState> {
  if (!ACCEPT_TOKEN_PATTERN.test(token)) return { state: "unknown" };
  const row = await db.quote.findUnique({
    where: { acceptTokenHash: hashAcceptToken(token) },
    select: {
      id: true,
      number: true,
      contactName: true,
      occasion: true,
      status: true,
      quotedAmountCents: true,
      currency: true,
      quoteMessage: true,
      validUntil: true,
      neededBy: true,
      respondedAt: true,
      declineReason: true,
      order: { select: { number: true } },
    },
  });
  if (!row) return { state: "unknown" };
  const quote: TLinkQuoteRow = {
    id: row.id,
    number: row.number,
    occasion: row.occasion,
    status: row.status,
    amountCents: row.quotedAmountCents,
    currency: row.currency,
    message: row.quoteMessage,
    validUntil: row.validUntil,
    neededBy: row.neededBy,
    respondedAt: row.respondedAt,
    declineReason: row.declineReason,
    customerName: row.contactName,
    orderNumber: row.order?.number ?? null,
  };
  if (row.status !== "quoted") return { state: "closed", quote };
  if (!row.validUntil || row.validUntil <= now) return { state: "expired", quote };
  return { state: "open", quote };
}

export const ZRespondByLinkSchema = z.object({
  token: z.string().regex(ACCEPT_TOKEN_PATTERN, "This link is not complete. Open it again from the message we sent you."),
  response: z.enum(["accept", "decline"]),
  reason: ZMultilineTextSchema.trim().max(500, "Keep the reason under 500 characters.").optional(),
});
export type TRespondByLinkInput = z.input<typeof ZRespondByLinkSchema>;

/**
 * Accepts or declines the quote behind the link. Acting twice, or after someone else acted,
 * is not an error: the caller shows the state the quote is in now.
 */
export async function respondByLink(input: z.output<typeof ZRespondByLinkSchema>, now = new Date()): Promise<TLinkState> {
  const before = await quoteForLink(input.token, now);
  if (before.state !== "open") return before;
  const quote = await db.quote.findUniqueOrThrow({ where: { acceptTokenHash: hashAcceptToken(input.token) }, select: { id: true } });
  try {
    if (input.response === "accept") await acceptQuote({ quoteId: quote.id, actorId: null, expectedStatus: "quoted", now });
    else await declineQuote({ quoteId: quote.id, actorId: null, expectedStatus: "quoted", reason: input.reason, now });
    announceQueued();
  } catch (error) {
    // A double click, or the admin answering at the same moment: the first one counted.
    if (!(error instanceof AppError && error.code === "conflict")) throw error;
  }
  return quoteForLink(input.token, now);
}
