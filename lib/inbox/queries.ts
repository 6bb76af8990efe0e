// The inbox's reads: one conversation per customer with WhatsApp messages, newest activity first,
// with its unread count ("unread": inbound messages stored after an admin last opened the thread)
// and whether it waits for us (the customer wrote last and no admin has answered since); the
// navigation's counts; and one customer's thread.
//
// A conversation is an aggregate over the customer's WhatsApp messages, computed in one GROUP BY
// on the (customerId, createdAt) index rather than kept on the customer: the writers of messages
// (the lifecycle, webhook intake) then need to know nothing about the inbox.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { messageListSelect } from "@/lib/messages/queries";
import { CUSTOMER_CONTACT_SELECT } from "@/lib/customers/recipient";
import type { TInboxFilter } from "@/lib/inbox/schema";
import type { TInboundRow } from "@/lib/messages/inbound-view";

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

/** What an inbound message's content is stored in (lib/messages/inbound-view.ts shows it). */
const INBOUND_SELECT = {
  id: true,
  kind: true,
  body: true,
  contextWamid: true,
  replyId: true,
  replyOutcome: true,
  mediaId: true,
  mediaMimeType: true,
  mediaFilename: true,
  mediaSize: true,
  locationLatitude: true,
  locationLongitude: true,
  locationName: true,
  locationAddress: true,
  contactsJson: true,
  errorTitle: true,
  errorDetail: true,
} as const satisfies Record<keyof TInboundRow, true>;

export type TInboxCounts = { unread: number; waiting: number };

// The aggregates every conversation is made of. An admin's answer counts unless it failed: a
// queued or sent reply is on its way, an automatic message (an order update) is no answer.
const LAST_AT = Prisma.sql`MAX(m."createdAt")`;
const LAST_INBOUND_AT = Prisma.sql`MAX(CASE WHEN m."direction" = 'inbound' THEN m."createdAt" END)`;
const LAST_ANSWER_AT = Prisma.sql`MAX(CASE WHEN m."direction" = 'outbound' AND m."origin" = 'admin' AND m."status" <> 'failed' THEN m."createdAt" END)`;
const UNREAD = Prisma.sql`SUM(CASE WHEN m."direction" = 'inbound' AND (c."inboxSeenAt" IS NULL OR m."createdAt" > c."inboxSeenAt") THEN 1 ELSE 0 END)`;
const WAITING = Prisma.sql`(${LAST_INBOUND_AT} IS NOT NULL AND (${LAST_ANSWER_AT} IS NULL OR ${LAST_ANSWER_AT} < ${LAST_INBOUND_AT}))`;

const HAVING: Record<TInboxFilter, Prisma.Sql> = {
  all: Prisma.empty,
  unread: Prisma.sql`HAVING ${UNREAD} > 0`,
  waiting: Prisma.sql`HAVING ${WAITING}`,
};

// SQLite hands an aggregated DateTime back as its stored ISO text, PostgreSQL as a Date.
const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

type TAggregateRow = {
  customerId: string;
  name: string;
  phone: string | null;
  whatsappUserId: string | null;
  lastAt: unknown;
  unread: number | bigint | null;
  waiting: number | bigint | boolean | null;
};

/** Conversations by last activity, newest first (`limit` of them), filtered as the inbox tabs are. */
export async function listConversations(filter: TInboxFilter = "all", limit = INBOX_PAGE_SIZE): Promise<TConversationRow[]> {
  const rows = await db.$queryRaw<TAggregateRow[]>`
    SELECT m."customerId" AS "customerId", c."name" AS "name", c."phone" AS "phone", c."whatsappUserId" AS "whatsappUserId",
      ${LAST_AT} AS "lastAt", ${UNREAD} AS "unread", CASE WHEN ${WAITING} THEN 1 ELSE 0 END AS "waiting"
    FROM "Message" m JOIN "Customer" c ON c."id" = m."customerId"
    WHERE m."channel" = 'whatsapp'
    GROUP BY m."customerId", c."name", c."phone", c."whatsappUserId", c."inboxSeenAt"
    ${HAVING[filter]}
    ORDER BY ${LAST_AT} DESC, m."customerId" DESC
    LIMIT ${limit}`;
  const conversations = rows.map((row) => ({
    customerId: row.customerId,
    name: row.name,
    phone: row.phone,
    whatsappUserId: row.whatsappUserId,
    lastAt: toDate(row.lastAt),
    unread: Number(row.unread ?? 0),
    waiting: Number(row.waiting ?? 0) === 1,
  }));
  if (conversations.length === 0) return [];

  // Each conversation's newest message, for its preview: one query for the page.
  const latest = await db.message.findMany({
    where: { channel: "whatsapp", OR: conversations.map((row) => ({ customerId: row.customerId, createdAt: row.lastAt })) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { ...INBOUND_SELECT, customerId: true, direction: true, templateName: true, status: true },
  });
  const lastOf = new Map<string, TConversationRow["last"]>();
  for (const { customerId, ...message } of latest) if (customerId && !lastOf.has(customerId)) lastOf.set(customerId, message);
  return conversations.map((row) => ({ ...row, last: lastOf.get(row.customerId) ?? null }));
}

/** Conversations with unread messages and conversations waiting for an answer, for the navigation and the dashboard. */
export async function inboxCounts(): Promise<TInboxCounts> {
  const [row] = await db.$queryRaw<{ unread: number | bigint | null; waiting: number | bigint | null }[]>`
    SELECT SUM(CASE WHEN "unread" > 0 THEN 1 ELSE 0 END) AS "unread", SUM("waiting") AS "waiting"
    FROM (
      SELECT ${UNREAD} AS "unread", CASE WHEN ${WAITING} THEN 1 ELSE 0 END AS "waiting"
      FROM "Message" m JOIN "Customer" c ON c."id" = m."customerId"
      WHERE m."channel" = 'whatsapp' AND (m."direction" = 'inbound' OR m."origin" = 'admin')
      GROUP BY m."customerId", c."inboxSeenAt"
    ) AS "conversations"`;
  return { unread: Number(row?.unread ?? 0), waiting: Number(row?.waiting ?? 0) };
}

export const threadMessageSelect = {
  ...messageListSelect,
  ...INBOUND_SELECT,
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
