// The inbox's reads: one conversation per customer with WhatsApp messages, newest activity first,
// a page at a time, with its unread count ("unread": inbound messages stored after an admin last
// opened the thread) and whether it waits for us (lib/inbox/conversation-state.ts); the
// navigation's counts; and one customer's thread.
//
// The list orders conversations by an aggregate over the customer's WhatsApp messages (one GROUP
// BY), so no writer of messages needs to know about the inbox; whether a conversation is unread
// or waiting is read from the customer's row, which the navigation counts cheaply.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { messageListSelect } from "@/lib/messages/queries";
import { CUSTOMER_CONTACT_SELECT } from "@/lib/customers/recipient";
import { UNREAD, WAITING } from "@/lib/inbox/conversation-state";
import { THREAD_MESSAGE_LIMIT, type TInboxCursor, type TInboxFilter, type TInboxListParams } from "@/lib/inbox/schema";
import { INBOUND_ROW_SELECT, type TInboundRow } from "@/lib/inbound-row";

export const INBOX_PAGE_SIZE = 50;

export type TConversationRow = {
  customerId: string;
  name: string;
  phone: string | null;
  whatsappUserId: string | null;
  lastAt: Date;
  unread: number;
  waiting: boolean;
  last: ({ direction: string; templateName: string | null; status: string } & TInboundRow) | null;
};

/** One page of conversations, and where the pages beside it start (null: there is none). */
export type TConversationPage = { conversations: TConversationRow[]; older: TInboxCursor | null; newer: TInboxCursor | null };

export type TInboxCounts = { unread: number; waiting: number };

const FILTER: Record<TInboxFilter, Prisma.Sql> = {
  all: Prisma.empty,
  unread: Prisma.sql`AND ${UNREAD}`,
  waiting: Prisma.sql`AND ${WAITING}`,
};

// SQLite hands an aggregated DateTime back as its stored ISO text, PostgreSQL as a Date.
const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

type TAggregateRow = {
  customerId: string;
  name: string;
  phone: string | null;
  whatsappUserId: string | null;
  inboxSeenAt: unknown;
  lastAt: unknown;
  unread: number | bigint | null;
  waiting: number | bigint | null;
};

const cursorOf = (row: TConversationRow): TInboxCursor => ({ at: row.lastAt, id: row.customerId });

/**
 * A page of conversations by last activity, newest first, filtered as the inbox tabs are: the
 * newest `limit`, those just older than `before`, or those just newer than `after`. Going back
 * up to the top shows the newest page whole, as the first page always is.
 */
export async function listConversations(params: Pick<TInboxListParams, "filter" | "before" | "after"> = { filter: "all" }, limit = INBOX_PAGE_SIZE): Promise<TConversationPage> {
  if (params.after) {
    const newer = await conversationRows(params.filter, { after: params.after }, limit + 1);
    if (newer.length > limit) {
      const rows = newer.slice(0, limit).reverse();
      return { conversations: await withPreviews(rows), older: cursorOf(rows.at(-1)!), newer: cursorOf(rows[0]!) };
    }
    return listConversations({ filter: params.filter }, limit);
  }
  const rows = await conversationRows(params.filter, params.before ? { before: params.before } : {}, limit + 1);
  const page = rows.slice(0, limit);
  return {
    conversations: await withPreviews(page),
    older: rows.length > limit ? cursorOf(page.at(-1)!) : null,
    // Every page but the first has newer conversations above it: at least the one its cursor names.
    newer: params.before && page.length ? cursorOf(page[0]!) : null,
  };
}

/** Conversations in the list's order from a cursor: newest first, or oldest first for `after` (the caller turns them round). */
async function conversationRows(filter: TInboxFilter, from: { before?: TInboxCursor; after?: TInboxCursor }, take: number): Promise<TConversationRow[]> {
  const lastAt = Prisma.sql`MAX(m."createdAt")`;
  const having = from.before
    ? Prisma.sql`HAVING ${lastAt} < ${from.before.at} OR (${lastAt} = ${from.before.at} AND c."id" < ${from.before.id})`
    : from.after
      ? Prisma.sql`HAVING ${lastAt} > ${from.after.at} OR (${lastAt} = ${from.after.at} AND c."id" > ${from.after.id})`
      : Prisma.empty;
  const direction = Prisma.raw(from.after ? "ASC" : "DESC");
  // Grouped by the customer's id, its primary key, so PostgreSQL lets the row's columns be read too.
  const rows = await db.$queryRaw<TAggregateRow[]>`
    SELECT c."id" AS "customerId", c."name" AS "name", c."phone" AS "phone", c."whatsappUserId" AS "whatsappUserId", c."inboxSeenAt" AS "inboxSeenAt",
      ${lastAt} AS "lastAt", CASE WHEN ${UNREAD} THEN 1 ELSE 0 END AS "unread", CASE WHEN ${WAITING} THEN 1 ELSE 0 END AS "waiting"
    FROM "Message" m JOIN "Customer" c ON c."id" = m."customerId"
    WHERE m."channel" = 'whatsapp' ${FILTER[filter]}
    GROUP BY c."id"
    ${having}
    ORDER BY ${lastAt} ${direction}, c."id" ${direction}
    LIMIT ${Prisma.raw(String(Math.trunc(take)))}`;
  if (rows.length === 0) return [];
  const unreadCounts = await countUnread(rows.filter((row) => Number(row.unread) === 1).map((row) => ({ customerId: row.customerId, seenAt: row.inboxSeenAt === null ? null : toDate(row.inboxSeenAt) })));
  return rows.map((row) => ({
    customerId: row.customerId,
    name: row.name,
    phone: row.phone,
    whatsappUserId: row.whatsappUserId,
    lastAt: toDate(row.lastAt),
    unread: unreadCounts.get(row.customerId) ?? 0,
    waiting: Number(row.waiting) === 1,
    last: null,
  }));
}

/** Each conversation's newest message, for its preview: one query for the page. */
async function withPreviews(conversations: TConversationRow[]): Promise<TConversationRow[]> {
  if (conversations.length === 0) return [];
  const latest = await db.message.findMany({
    where: { channel: "whatsapp", OR: conversations.map((row) => ({ customerId: row.customerId, createdAt: row.lastAt })) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { ...INBOUND_ROW_SELECT, customerId: true, direction: true, templateName: true, status: true },
  });
  const lastOf = new Map<string, TConversationRow["last"]>();
  for (const { customerId, ...message } of latest) if (customerId && !lastOf.has(customerId)) lastOf.set(customerId, message);
  return conversations.map((row) => ({ ...row, last: lastOf.get(row.customerId) ?? null }));
}

/** How many of each conversation's messages came after it was last read (one query for the page). */
async function countUnread(conversations: { customerId: string; seenAt: Date | null }[]): Promise<Map<string, number>> {
  if (conversations.length === 0) return new Map();
  const groups = await db.message.groupBy({
    by: ["customerId"],
    where: { direction: "inbound", channel: "whatsapp", OR: conversations.map(({ customerId, seenAt }) => ({ customerId, ...(seenAt ? { createdAt: { gt: seenAt } } : {}) })) },
    _count: { _all: true },
  });
  return new Map(groups.flatMap((group) => (group.customerId ? [[group.customerId, group._count._all] as const] : [])));
}

/** Conversations with unread messages and conversations waiting for an answer, for the navigation and the dashboard. */
export async function inboxCounts(): Promise<TInboxCounts> {
  const [row] = await db.$queryRaw<{ unread: number | bigint | null; waiting: number | bigint | null }[]>`
    SELECT SUM(CASE WHEN ${UNREAD} THEN 1 ELSE 0 END) AS "unread", SUM(CASE WHEN ${WAITING} THEN 1 ELSE 0 END) AS "waiting"
    FROM "Customer" c
    WHERE c."lastInboundWhatsAppAt" IS NOT NULL`;
  return { unread: Number(row?.unread ?? 0), waiting: Number(row?.waiting ?? 0) };
}

export const threadMessageSelect = {
  ...messageListSelect,
  ...INBOUND_ROW_SELECT,
  providerMessageId: true,
  quote: { select: { id: true, number: true } },
  order: { select: { id: true, number: true } },
} as const;

/** One customer's WhatsApp conversation, oldest first (the newest THREAD_MESSAGE_LIMIT messages); null for no such customer. */
export async function getThread(customerId: string) {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: { id: true, inboxSeenAt: true, ...CUSTOMER_CONTACT_SELECT },
  });
  if (!customer) return null;
  const newestFirst = await db.message.findMany({
    where: { customerId, channel: "whatsapp" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: THREAD_MESSAGE_LIMIT,
    select: threadMessageSelect,
  });
  return { customer, messages: newestFirst.reverse() };
}

export type TThread = NonNullable<Awaited<ReturnType<typeof getThread>>>;
export type TThreadMessageRow = TThread["messages"][number];

/** The customer's quotes a reply may be about: those asked from the customer's own number, newest first. */
export function replyableQuotes(customerId: string, phone: string | null) {
  if (!phone) return Promise.resolve([]);
  return db.quote.findMany({
    where: { customerId, contactPhone: phone },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, number: true, status: true, answeredAt: true, validUntil: true, quotedAmountCents: true },
  });
}
