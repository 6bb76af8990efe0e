// The admin's answer to a quote: the price typed in rand, stored as integer cents, and a message.
// One schema for the form (zodResolver) and the server action; client-safe.
import { z } from "zod";
import { ZMultilineTextSchema, ZTextSchema } from "@/lib/zod/text";
import { parseMoneyToCents } from "@/lib/money";
import { QUOTE_STATUSES } from "@/lib/quotes/status";

// Quote amounts are stored in a 32-bit Int column (PostgreSQL's integer too); R10 million is far
// above any gift order and far below the limit, so a slipped key is caught here.
export const MAX_QUOTE_AMOUNT_CENTS = 1_000_000_000;

const ZAmountInRandSchema = ZTextSchema.trim()
  .min(1, "Enter the price.")
  .transform((value, ctx) => {
    const cents = parseMoneyToCents(value);
    if (cents === null || cents <= 0) {
      ctx.addIssue({ code: "custom", message: "Enter the price as an amount, e.g. 1250 or 1 250,50." });
      return z.NEVER;
    }
    if (cents > MAX_QUOTE_AMOUNT_CENTS) {
      ctx.addIssue({ code: "custom", message: "That price is too large. Check the amount." });
      return z.NEVER;
    }
    return cents;
  });

export const ZAnswerQuoteSchema = z
  .object({
    quoteId: ZTextSchema.min(1),
    amount: ZAmountInRandSchema,
    message: ZMultilineTextSchema.trim()
      .min(1, "Write a short message to go with the price.")
      .max(2000, "Keep the message under 2,000 characters."),
    // See ZChangeQuoteStatusSchema: refuses to answer a quote that changed under the admin's eyes.
    expectedStatus: z.enum(QUOTE_STATUSES).optional(),
  })
  // Errors stay on the field the person typed in (`amount`); code after the parse sees cents.
  .transform(({ amount, ...rest }) => ({ ...rest, amountCents: amount }));

/** What the form holds: the amount as typed. */
export type TAnswerQuoteInput = z.input<typeof ZAnswerQuoteSchema>;
/** What the action receives after parsing: `amountCents` instead of the typed amount. */
export type TAnswerQuote = z.output<typeof ZAnswerQuoteSchema>;

/** Cents back to what a person types in the form ("1250.50"), for editing an earlier answer. */
export function centsToAmountInput(cents: number | null | undefined): string {
  if (cents == null) return "";
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}
