// Reads for the admin's customer pages.
//
// The list is built from the shared list SQL (lib/list-sql.ts): one statement picks the page's
// ids (search, filter, sort, LIMIT), then those 25 customers are fetched with their quote and
// order counts and their last message time. Customers are far fewer than quotes (one customer
// asks for many), so unlike the quote list every view, a search too, is counted.
import "server-only";
import { db } from "@/lib/db";
import { messageFeedSelect } from "@/lib/message-feed";
import { Prisma } from "@/lib/generated/prisma/client";
import { countRows, orderBy, pageWindow, searchConditions, whereAll } from "@/lib/list-sql";
import { PAGE_SIZE } from "@/lib/list-params";
import type { TCustomerListParams } from "@/lib/customers/list-params";

export type TCustomerListRow = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  contactPreference: string;
  whatsappConsentAt: Date | null;
  whatsappOptedOutAt: Date | null;
  createdAt: Date;
  quoteCount: number;
  orderCount: number;
  /** The newest message to or from the customer, on any channel; null when there is none. */
  lastMessageAt: Date | null;
};

export type TCustomerListResult = { rows: TCustomerListRow[]; total: number; hasNext: boolean };

// What the search box matches, in the form a quote's searchText has: lower-cased name and email,
// and the phone's stored digits (so "082 123 4567" finds 27821234567). On PostgreSQL a trigram
// index is built on exactly this expression (prisma/postgresql/migrations/*_customer_search_index):
// change both together (lib/list-search-index.postgresql.test.ts notices when they part).
export const SEARCH_TEXT = `LOWER("name") || ' ' || COALESCE(LOWER("email"), '') || ' ' || COALESCE("phone", '')`;

function whereClause(params: TCustomerListParams): Prisma.Sql {
  const preference = params.preference ? [Prisma.sql`"contactPreference" = ${params.preference}`] : [];
  return whereAll([...preference, ...searchConditions(params.q, SEARCH_TEXT)]);
}

// Names sort without regard to case ("de Villiers" among the Ds).
const customerOrderBy = (params: TCustomerListParams) => orderBy(params.sort === "name" ? `LOWER("name")` : `"createdAt"`, params.dir, false);

async function findPageIds(params: TCustomerListParams, where: Prisma.Sql): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Customer" ${where} ORDER BY ${customerOrderBy(params)} ${pageWindow(params.page, PAGE_SIZE)}`;
  return rows.map((row) => row.id);
}

async function loadRows(ids: string[]): Promise<TCustomerListRow[]> {
  if (ids.length === 0) return [];
  const [customers, lastMessages] = await Promise.all([
    db.customer.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        name: true,
        email: true,
        phone: true,
        contactPreference: true,
        whatsappConsentAt: true,
        whatsappOptedOutAt: true,
        createdAt: true,
        _count: { select: { quotes: true, orders: true } },
      },
    }),
    // Reads the (customerId, createdAt) index: one entry per customer.
    db.message.groupBy({ by: ["customerId"], where: { customerId: { in: ids } }, _max: { createdAt: true } }),
  ]);
  const lastAt = new Map(lastMessages.map((group) => [group.customerId, group._max.createdAt]));
  const byId = new Map(customers.map((customer) => [customer.id, customer]));
  // Back into the page's order; a customer deleted between the two reads is left out.
  return ids.flatMap((id) => {
    const found = byId.get(id);
    if (!found) return [];
    const { _count, ...customer } = found;
    return [{ ...customer, quoteCount: _count.quotes, orderCount: _count.orders, lastMessageAt: lastAt.get(id) ?? null }];
  });
}

/** One page of the admin's customer list, as chosen by the URL's parameters. */
export async function listCustomers(params: TCustomerListParams): Promise<TCustomerListResult> {
  const where = whereClause(params);
  const [ids, total] = await Promise.all([findPageIds(params, where), countRows("Customer", where)]);
  return { rows: await loadRows(ids), total, hasNext: params.page * PAGE_SIZE < total };
}

export const CUSTOMER_MESSAGE_LIMIT = 100;
export const CUSTOMER_HISTORY_LIMIT = 100;

/** An open contact offer as the quote and customer pages show it. */
export const OPEN_OFFER_FIELDS = { id: true, field: true, value: true, createdAt: true, quote: { select: { id: true, number: true } } } as const;

export type TOpenOffer = { id: string; field: string; value: string; createdAt: Date; quote: { id: string; number: string } };

/** Open offers that still differ from the record (a merge or an edit may have made them moot). */
export function pendingOffers(customer: { name: string; email: string | null; phone: string | null; contactPreference: string }, offers: readonly TOpenOffer[]): TOpenOffer[] {
  const current: Record<string, string | null> = { name: customer.name, email: customer.email, phone: customer.phone, contactPreference: customer.contactPreference };
  return offers.filter((offer) => current[offer.field] !== offer.value);
}

/** Other customers an admin may merge into this one, by name, email or phone. */
export function findMergeCandidates(customerId: string, query: string) {
  const text = query.trim().toLowerCase();
  const digits = text.replace(/\D/g, "");
  return db.customer.findMany({
    where: {
      id: { not: customerId },
      OR: [{ name: { contains: query.trim() } }, { email: { contains: text } }, ...(digits.length >= 4 ? [{ phone: { contains: digits } }] : [])],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 10,
    select: { id: true, name: true, email: true, phone: true, createdAt: true, _count: { select: { quotes: true, orders: true } } },
  });
}

export type TMergeCandidate = Awaited<ReturnType<typeof findMergeCandidates>>[number];

/**
 * One customer with everything their page shows: contact details and consent, the consent
 * history (newest first), their quotes and orders, and their last 100 messages. One small indexed
 * query per relation.
 */
export function getCustomerDetail(id: string) {
  return db.customer.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      whatsappUserId: true,
      whatsappUsername: true,
      contactPreference: true,
      whatsappConsentAt: true,
      whatsappConsentSource: true,
      whatsappOptedOutAt: true,
      lastInboundWhatsAppAt: true,
      phoneVerifiedAt: true,
      emailVerifiedAt: true,
      createdAt: true,
      contactOffers: {
        where: { status: "open" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: OPEN_OFFER_FIELDS,
      },
      events: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: CUSTOMER_HISTORY_LIMIT,
        select: { id: true, kind: true, field: true, fromValue: true, toValue: true, note: true, createdAt: true, actor: { select: { name: true } }, quote: { select: { id: true, number: true } } },
      },
      consentEvents: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true, channel: true, action: true, source: true, text: true, createdAt: true, actor: { select: { name: true } } },
      },
      quotes: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true, number: true, status: true, occasion: true, quotedAmountCents: true, budgetCents: true, createdAt: true },
      },
      orders: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true, number: true, status: true, description: true, totalCents: true, paidCents: true, deliveryDate: true, createdAt: true },
      },
      messages: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: CUSTOMER_MESSAGE_LIMIT,
        select: messageFeedSelect,
      },
    },
  });
}

export type TCustomerDetail = NonNullable<Awaited<ReturnType<typeof getCustomerDetail>>>;
