// The inbox as the browser gets it: plain JSON with times already in the business's words, so the
// list and the thread render the same on the server and after each poll.
import "server-only";
import { formatDateTime } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { recipientFor } from "@/lib/customers/recipient";
import { toMessageView, type TMessageView } from "@/lib/messages/view";
import { whatsappEligibility } from "@/lib/messages/whatsapp-eligibility";
import type { TConversationPage, TConversationRow, TInboxCounts, TThread, TThreadMessageRow } from "@/lib/inbox/queries";
import { inboxListHref, type TInboxListParams } from "@/lib/inbox/schema";
import { messagePreview, oneLine } from "@/lib/inbox/preview";
import { describeInbound, toInboundView, type TInboundView } from "@/lib/messages/inbound-view";
import { windowText } from "@/lib/inbox/window-text";

export type TConversationView = {
  customerId: string;
  name: string;
  /** The phone number, else the WhatsApp username / business-scoped id. */
  handle: string;
  at: string;
  atText: string;
  preview: string;
  fromUs: boolean;
  unread: number;
  waiting: boolean;
};

export function toConversationView(row: TConversationRow): TConversationView {
  return {
    customerId: row.customerId,
    name: row.name,
    handle: handleOf(row),
    at: row.lastAt.toISOString(),
    atText: formatDateTime(row.lastAt),
    preview: !row.last ? "" : row.last.direction === "inbound" ? oneLine(describeInbound(toInboundView(row.last))) : messagePreview(row.last),
    fromUs: row.last?.direction === "outbound",
    unread: row.unread,
    waiting: row.waiting,
  };
}

/** A page of the list as the browser gets it, with the links to the pages beside it. */
export type TConversationListView = {
  conversations: TConversationView[];
  counts: TInboxCounts;
  /** The URLs of the older and newer pages, and of the newest one; null where there is none. */
  pages: { older: string | null; newer: string | null; newest: string | null };
};

export function toConversationListView(page: TConversationPage, counts: TInboxCounts, params: TInboxListParams): TConversationListView {
  const { filter } = params;
  // Newer than `after` is the newest page once nothing is newer than it (the list goes back to the top).
  const onNewest = !params.before && page.newer === null;
  return {
    conversations: page.conversations.map(toConversationView),
    counts,
    pages: {
      older: page.older ? inboxListHref({ filter, before: page.older }) : null,
      newer: page.newer ? inboxListHref({ filter, after: page.newer }) : null,
      newest: onNewest ? null : inboxListHref({ filter }),
    },
  };
}

function handleOf(customer: { phone: string | null; whatsappUserId?: string | null }): string {
  if (customer.phone) return formatPhone(customer.phone);
  return customer.whatsappUserId ?? "";
}

export type TThreadMessageView = TMessageView & {
  atText: string;
  /** The quote and order the message is about, as links. */
  about: { href: string; label: string }[];
  /** Why it failed, in words, with what to do. */
  failure: string | null;
  /** What the customer sent (a photo, a location, a button they tapped ...), for inbound messages. */
  inbound: { view: TInboundView; summary: string } | null;
};

export type TThreadView = {
  customer: { id: string; name: string; handle: string };
  /** The 24-hour window now, and whether and how the admin may write. */
  reply: { ok: true; windowOpen: boolean; windowText: string } | { ok: false; reason: string };
  messages: TThreadMessageView[];
  /** The newest message from the customer: opening the thread reads up to it. */
  newestInboundId: string | null;
  unread: number;
};

export function toThreadView(thread: TThread, now = new Date()): TThreadView {
  const { customer } = thread;
  const eligibility = whatsappEligibility(recipientFor(customer, null), now);
  const newestInbound = thread.messages.findLast((message) => message.direction === "inbound") ?? null;
  return {
    customer: { id: customer.id, name: customer.name, handle: handleOf(customer) },
    reply: eligibility.ok
      ? { ok: true, windowOpen: eligibility.windowOpen, windowText: windowText(customer.lastInboundWhatsAppAt, now) }
      : { ok: false, reason: eligibility.reason },
    messages: thread.messages.map(toThreadMessageView),
    newestInboundId: newestInbound?.id ?? null,
    unread: thread.messages.filter((message) => message.direction === "inbound" && (!customer.inboxSeenAt || message.createdAt > customer.inboxSeenAt)).length,
  };
}

function toThreadMessageView(row: TThreadMessageRow): TThreadMessageView {
  const about = [
    ...(row.quote ? [{ href: `/admin/quotes/${row.quote.id}`, label: row.quote.number }] : []),
    ...(row.order ? [{ href: `/admin/orders/${row.order.id}`, label: row.order.number }] : []),
  ];
  const failure = row.status === "failed" || row.status === "uncertain" ? [row.errorTitle, row.errorDetail].filter(Boolean).join(": ") || null : null;
  // The message view already holds what a customer's message holds (inboundContent).
  const view = toMessageView(row);
  const inbound = view.inboundContent;
  return {
    ...view,
    atText: formatDateTime(row.createdAt),
    about,
    failure: inbound ? null : failure,
    inbound: inbound ? { view: inbound, summary: describeInbound(inbound) } : null,
  };
}
