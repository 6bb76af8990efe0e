import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { inboxCounts, listConversations } from "@/lib/inbox/queries";
import { ZInboxFilterSchema } from "@/lib/inbox/schema";
import { toConversationView } from "@/lib/inbox/view";
import { ConversationList } from "./conversation-list";

export const metadata: Metadata = { title: "Inbox" };

/** WhatsApp conversations, newest activity first; the tab (All / Unread / Waiting) lives in the URL. */
export default async function InboxPage({ searchParams }: PageProps<"/admin/inbox">) {
  const filter = ZInboxFilterSchema.parse((await searchParams).filter);
  await requireAdmin(filter === "all" ? "/admin/inbox" : `/admin/inbox?filter=${filter}`);
  const [conversations, counts] = await Promise.all([listConversations(filter), inboxCounts()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Inbox</h1>
      <ConversationList filter={filter} initial={{ conversations: conversations.map(toConversationView), counts }} />
    </div>
  );
}
