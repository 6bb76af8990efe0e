// The inbox list, for the page to follow new messages without a reload.
import { getAdmin } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { inboxCounts, listConversations } from "@/lib/inbox/queries";
import { ZInboxFilterSchema } from "@/lib/inbox/schema";
import { toConversationView } from "@/lib/inbox/view";

export async function GET(request: Request) {
  if (!(await getAdmin())) return errorResponse(new AppError("unauthorized", "Sign in to see the inbox."));
  const filter = ZInboxFilterSchema.parse(new URL(request.url).searchParams.get("filter") ?? undefined);
  const [conversations, counts] = await Promise.all([listConversations(filter), inboxCounts()]);
  return Response.json({ conversations: conversations.map(toConversationView), counts }, { headers: { "cache-control": "no-store" } });
}
