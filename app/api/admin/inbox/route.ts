// The inbox list, for the page to follow new messages without a reload (the same page of it:
// the tab and the cursor in the query, as in the page's URL).
import { getAdmin } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { inboxCounts, listConversations } from "@/lib/inbox/queries";
import { parseInboxListParams } from "@/lib/inbox/schema";
import { toConversationListView } from "@/lib/inbox/view";

export async function GET(request: Request) {
  if (!(await getAdmin())) return errorResponse(new AppError("unauthorized", "Sign in to see the inbox."));
  const params = parseInboxListParams(new URL(request.url).searchParams);
  const [page, counts] = await Promise.all([listConversations(params), inboxCounts()]);
  return Response.json(toConversationListView(page, counts, params), { headers: { "cache-control": "no-store" } });
}
