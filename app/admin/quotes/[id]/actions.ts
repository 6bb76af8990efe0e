"use server";

import { revalidatePath } from "next/cache";
import { adminActionClient } from "@/lib/action";
import { parseMoneyToCents } from "@/lib/money";
import { ZAnswerQuoteSchema, ZChangeQuoteStatusSchema } from "@/lib/quotes/answer-schema";
import { answerQuote, changeQuoteStatus } from "@/lib/quotes/commands";

export const answerQuoteAction = adminActionClient.inputSchema(ZAnswerQuoteSchema).action(async ({ parsedInput, ctx }) => {
  await answerQuote({
    quoteId: parsedInput.quoteId,
    amountCents: parseMoneyToCents(parsedInput.amount)!,
    message: parsedInput.message,
    actorId: ctx.admin.id,
  });
  revalidatePath(`/admin/quotes/${parsedInput.quoteId}`);
  return { ok: true };
});

export const changeQuoteStatusAction = adminActionClient.inputSchema(ZChangeQuoteStatusSchema).action(async ({ parsedInput, ctx }) => {
  await changeQuoteStatus({ ...parsedInput, actorId: ctx.admin.id });
  revalidatePath(`/admin/quotes/${parsedInput.quoteId}`);
  return { status: parsedInput.to };
});
