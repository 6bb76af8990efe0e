// The inbox's reads: one conversation per customer with WhatsApp messages, newest activity first,
// with its unread count ("unread": inbound messages stored after an admin last opened the thread)
// and whether it waits for us (the customer wrote last and no admin has answered since); the
// navigation's counts; and one customer's thread.
//
// The list orders conversations by an aggregate over the customer's WhatsApp messages (one GROUP
// BY), so no writer of messages needs to know about the inbox; whether a conversation is unread
// or waiting is read from the customer's row (below), which the navigation counts cheaply.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { messageListSelect } from "@/lib/messages/queries";
import { CUSTOMER_CONTACT_SELECT } from "@/lib/customers/recipient";
import type { TInboxFilter } from "@/lib/inbox/schema";
import { INBOUND_ROW_SELECT, type TInboundRow } from "@/lib/inbound-row";

export const INBOX_PAGE_SIZE = 50;
export const THREAD_MESSAGE_LIMIT = 200;

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


export type TInboxCounts = { unread: number; waiting: number };

// A conversation's state comes from the customer's row: intake keeps lastInboundWhatsAppAt at
// the newest message's time (lib/messages/whatsapp-writer.ts) and reading the thread moves
// inboxSeenAt up to it, so the counts on every admin page read customers, not messages. An
// admin's answer counts unless it failed: a queued or sent reply is on its way, an automatic
// message (an order update) is no answer.
const UNREAD = Prisma.sql`(c."lastInboundWhatsAppAt" IS NOT NULL AND (c."inboxSeenAt" IS NULL OR c."lastInboundWhatsAppAt" > c."inboxSeenAt"))`;
const ANSWERED = Prisma.sql`EXISTS (SELECT 1 FROM "Message" a WHERE a."customerId" = c."id" AND a."createdAt" > c."lastInboundWhatsAppAt"
  AND a."channel" = 'whatsapp' AND a."direction" = 'outbound' AND a."origin" = 'admin' AND a."status" <> 'failed')`;
const WAITING = Prisma.sql`(c."lastInboundWhatsAppAt" IS NOT NULL AND NOT ${ANSWERED})`;

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

/** Conversations by last activity, newest first (`limit` of them), filtered as the inbox tabs are. */
export async function listConversations(filter: TInboxFilter = "all", limit = INBOX_PAGE_SIZE): Promise<TConversationRow[]> {
  // Grouped by the customer's id, its primary key, so PostgreSQL lets the row's columns be read too.
  const rows = await db.$queryRaw<TAggregateRow[]>`
    SELECT c."id" AS "customerId", c."name" AS "name", c."phone" AS "phone", c."whatsappUserId" AS "whatsappUserId", c."inboxSeenAt" AS "inboxSeenAt",
      MAX(m."createdAt") AS "lastAt", CASE WHEN ${UNREAD} THEN 1 ELSE 0 END AS "unread", CASE WHEN ${WAITING} THEN 1 ELSE 0 END AS "waiting"
    FROM "Message" m JOIN "Customer" c ON c."id" = m."customerId"
    WHERE m."channel" = 'whatsapp' ${FILTER[filter]}
    GROUP BY c."id"
    ORDER BY MAX(m."createdAt") DESC, c."id" DESC
    LIMIT ${limit}`;
  if (rows.length === 0) return [];
  const unreadCounts = await countUnread(rows.filter((row) => Number(row.unread) === 1).map((row) => ({ customerId: row.customerId, seenAt: row.inboxSeenAt === null ? null : toDate(row.inboxSeenAt) })));
  const conversations = rows.map((row) => ({
    customerId: row.customerId,
    name: row.name,
    phone: row.phone,
    whatsappUserId: row.whatsappUserId,
    lastAt: toDate(row.lastAt),
    unread: unreadCounts.get(row.customerId) ?? 0,
    waiting: Number(row.waiting) === 1,
  }));

  // Each conversation's newest message, for its preview: one query for the page.
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
