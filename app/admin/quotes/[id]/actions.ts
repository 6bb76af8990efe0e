"use server";

// The quote page's writes. Each is thin: the wrapper parses and checks the session, one command
// does the work (and refuses what the rules refuse), then the pages that show it are refreshed.
import { revalidatePath } from "next/cache";
import { adminActionClient } from "@/lib/action";
import { ZAnswerQuoteSchema } from "@/lib/quotes/answer-schema";
import { answerQuote, changeQuoteStatus } from "@/lib/quotes/commands";
import { ZChangeQuoteStatusSchema } from "@/lib/quotes/status";
import { announceQueued } from "@/lib/message-lifecycle/queue-signal";

// A status shows on the quote's page, the list and the dashboard counts: refresh all admin pages.
const refreshAdminPages = () => revalidatePath("/admin", "layout");

export const answerQuoteAction = adminActionClient.inputSchema(ZAnswerQuoteSchema).action(async ({ parsedInput, ctx }) => {
  const move = await answerQuote({ ...parsedInput, actorId: ctx.admin.id });
  // The answer's message (with the accept link) was queued with it; send it now, not at the next poll.
  announceQueued();
  refreshAdminPages();
  return { status: move.to, amountCents: parsedInput.amountCents };
});

export const changeQuoteStatusAction = adminActionClient.inputSchema(ZChangeQuoteStatusSchema).action(async ({ parsedInput, ctx }) => {
  const move = await changeQuoteStatus({ ...parsedInput, actorId: ctx.admin.id });
  announceQueued();
  refreshAdminPages();
  return { status: move.to };
});
