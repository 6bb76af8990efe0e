"use client";

import { useInboxCounts } from "@/lib/swr/use-inbox";
import type { TInboxCounts } from "@/lib/inbox/queries";

/** The Inbox link's badge: conversations with unread messages, kept fresh on every admin page; none at 0. */
export function InboxNavBadge({ initial }: { initial: TInboxCounts }) {
  const { unread, waiting } = useInboxCounts(initial);
  if (unread <= 0 && waiting <= 0) return null;
  return (
    <span
      className={`min-w-5 rounded-full px-1.5 text-center text-xs leading-5 font-semibold ${unread > 0 ? "bg-brand-600 text-white" : "bg-amber-100 text-amber-900"}`}
      data-testid="inbox-badge"
    >
      <span aria-hidden>{unread > 0 ? (unread > 99 ? "99+" : unread) : "•"}</span>
      {/* Read with the link's name: "Inbox, 2 unread, 3 waiting for an answer". */}
      <span className="sr-only">{`, ${unread} unread, ${waiting} waiting for an answer`}</span>
    </span>
  );
}
