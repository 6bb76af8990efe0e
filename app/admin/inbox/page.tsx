import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { inboxCounts, listConversations } from "@/lib/inbox/queries";
import { inboxListHref, parseInboxListParams } from "@/lib/inbox/schema";
import { toConversationListView } from "@/lib/inbox/view";
import { ConversationList } from "./conversation-list";

export const metadata: Metadata = { title: "Inbox" };

/** WhatsApp conversations, newest activity first; the tab (All / Unread / Waiting) and the page live in the URL. */
export default async function InboxPage({ searchParams }: PageProps<"/admin/inbox">) {
  const params = parseInboxListParams(await searchParams);
  await requireAdmin(inboxListHref(params));
  const [page, counts] = await Promise.all([listConversations(params), inboxCounts()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Inbox</h1>
      <ConversationList filter={params.filter} source={inboxListHref(params, "/api/admin/inbox")} initial={toConversationListView(page, counts, params)} />
    </div>
  );
}
