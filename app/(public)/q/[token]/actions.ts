"use server";

import { actionClient } from "@/lib/action";
import { respondByLink, ZRespondByLinkSchema } from "@/lib/quotes/respond-by-link";

// Public: the token is the customer's permission. The result is the quote's state now, which the
// page shows whether this click did the work or an earlier one had.
export const respondToQuoteAction = actionClient.inputSchema(ZRespondByLinkSchema).action(async ({ parsedInput }) => {
  const result = await respondByLink(parsedInput);
  return { state: result.state, status: result.state === "unknown" ? null : result.quote.status };
});
