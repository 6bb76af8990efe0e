import { z } from "zod";
import { parseMoneyToCents } from "@/lib/money";

// The admin's answer to a quote: the price typed in rand (stored as cents) and a message.
export const ZAnswerQuoteSchema = z.object({
  quoteId: z.string().min(1),
  amount: z
    .string()
    .trim()
    .min(1, "Enter the price.")
    .refine((value) => (parseMoneyToCents(value) ?? 0) > 0, "Enter the price as an amount, e.g. 1250 or 1 250,50."),
  message: z.string().trim().min(1, "Write a short message to go with the price.").max(2000, "Keep the message under 2,000 characters."),
});

export type TAnswerQuote = z.infer<typeof ZAnswerQuoteSchema>;

export const ZChangeQuoteStatusSchema = z.object({
  quoteId: z.string().min(1),
  to: z.enum(["accepted", "declined", "expired", "cancelled"]),
  note: z.string().trim().max(500, "Keep the note under 500 characters.").optional(),
});

export type TChangeQuoteStatus = z.infer<typeof ZChangeQuoteStatusSchema>;
