"use client";

import Link from "next/link";
import { CornerUpLeft } from "lucide-react";
import { CursorPagination } from "@/components/pager-link";
import { EmptyList } from "@/components/empty-list";
import { cn } from "@/lib/cn";
import { useInbox } from "@/lib/swr/use-inbox";
import { INBOX_FILTERS, INBOX_FILTER_LABEL, inboxListHref, type TInboxFilter } from "@/lib/inbox/schema";
import type { TConversationListView, TConversationView } from "@/lib/inbox/view";

/** `source`: the JSON route of this page of the list, polled for new messages. */
type TProps = { filter: TInboxFilter; source: string; initial: TConversationListView };

const EMPTY: Record<TInboxFilter, string> = {
  all: "No WhatsApp conversations yet. When a customer writes to the business's number, the conversation appears here.",
  unread: "Nothing unread: every customer message has been opened.",
  waiting: "Nobody is waiting for an answer.",
};

/** The inbox's tabs and a page of conversations, refreshed every few seconds while the tab is visible. */
export function ConversationList({ filter, source, initial }: TProps) {
  const { data } = useInbox(source, initial);
  const { conversations, counts, pages } = data;
  const tabCount: Record<TInboxFilter, number | null> = { all: null, unread: counts.unread, waiting: counts.waiting };
  return (
    <>
      <nav aria-label="Conversations" className="flex gap-1 overflow-x-auto">
        {INBOX_FILTERS.map((tab) => (
          <Link
            key={tab}
            href={inboxListHref({ filter: tab })}
            aria-current={tab === filter ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap",
              tab === filter ? "bg-brand-50 text-brand-800" : "text-slate-600 hover:bg-slate-100",
            )}
          >
            {INBOX_FILTER_LABEL[tab]}
            {tabCount[tab] ? <span className="ml-1 tabular-nums">({tabCount[tab]})</span> : null}
          </Link>
        ))}
      </nav>
      {conversations.length === 0 && pages.newest ? (
        // Past the end of the list (its last conversations moved up, or another tab's link).
        <EmptyList message="No older conversations here." action={{ href: pages.newest, label: "Go to the newest conversations" }} testId="inbox-empty" />
      ) : conversations.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600" data-testid="inbox-empty">
          {EMPTY[filter]}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="conversations">
          {conversations.map((conversation) => (
            <li key={conversation.customerId}>
              <ConversationRow conversation={conversation} />
            </li>
          ))}
        </ul>
      )}
      <CursorPagination {...pages} />
    </>
  );
}

function ConversationRow({ conversation }: { conversation: TConversationView }) {
  const unread = conversation.unread > 0;
  return (
    <Link
      href={`/admin/inbox/${conversation.customerId}`}
      prefetch={false}
      className="flex min-w-0 items-start gap-3 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none"
      data-testid="conversation"
    >
      <div className="min-w-0 flex-1">
        <p className="flex min-w-0 items-baseline gap-2">
          <span className={cn("truncate", unread ? "font-semibold text-slate-900" : "font-medium text-slate-800")}>{conversation.name}</span>
          <span className="hidden truncate text-xs text-slate-500 sm:inline">{conversation.handle}</span>
        </p>
        <p className={cn("flex min-w-0 items-center gap-1 text-sm", unread ? "text-slate-900" : "text-slate-600")}>
          {conversation.fromUs ? <CornerUpLeft className="size-3.5 shrink-0 text-slate-400" aria-label="You:" /> : null}
          <span className="truncate" data-testid="conversation-preview">
            {conversation.preview}
          </span>
        </p>
      </div>
      <div className="flex shrink-0 flex-col items-end gap-1 text-xs">
        <time dateTime={conversation.at} className="text-slate-500">
          {conversation.atText}
        </time>
        <span className="flex gap-1">
          {conversation.waiting ? (
            <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-800" data-testid="conversation-waiting">
              Waiting
            </span>
          ) : null}
          {unread ? (
            <span className="min-w-5 rounded-full bg-brand-600 px-1.5 text-center leading-5 font-semibold text-white" data-testid="conversation-unread">
              <span aria-hidden>{conversation.unread}</span>
              <span className="sr-only">{conversation.unread} unread</span>
            </span>
          ) : null}
        </span>
      </div>
    </Link>
  );
}
