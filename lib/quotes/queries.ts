// Reads for the admin's quote pages and the dashboard.
//
// The list is one SQL statement built from lib/list-sql.ts: it pages over the Quote indexes
// first, then joins the 25 rows it keeps to their customers. Prisma's findMany would fetch
// customers in a second query and cannot say NULLS LAST for one column.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { countRows, findPageWithCustomer, loadPage, orderBy, searchConditions, whereAll } from "@/lib/list-sql";
import type { TQuoteListParams, TQuoteSort } from "@/lib/quotes/list-params";
import { isQuoteStatus, QUOTE_STATUSES, type TQuoteStatus } from "@/lib/quotes/status";
import { OPEN_OFFER_FIELDS } from "@/lib/customers/queries";
import { CUSTOMER_CONTACT_SELECT, QUOTE_CONTACT_SELECT } from "@/lib/customers/recipient";

export type TQuoteListRow = {
  id: string;
  number: string;
  status: string;
  budgetCents: number | null;
  neededBy: string | null;
  createdAt: Date;
  customer: { name: string; email: string | null; phone: string | null; contactPreference: string };
};

export type TQuoteListResult = {
  rows: TQuoteListRow[];
  /** Exact number of matching quotes when not searching; null for a search (see list-params). */
  total: number | null;
  hasNext: boolean;
};

const SORT_COLUMN: Record<TQuoteSort, string> = {
  received: `"createdAt"`,
  needed: `"neededBy"`,
  budget: `"budgetCents"`,
  number: `"number"`,
};

function quoteOrderBy(params: TQuoteListParams, table = ""): Prisma.Sql {
  // Quotes without a budget or a date go last in either direction.
  return orderBy(SORT_COLUMN[params.sort], params.dir, params.sort === "needed" || params.sort === "budget", table);
}

function whereClause(params: TQuoteListParams): Prisma.Sql {
  const conditions = params.status ? [Prisma.sql`"status" = ${params.status}`] : [];
  return whereAll([...conditions, ...searchConditions(params.q)]);
}

type TRawListRow = Omit<TQuoteListRow, "customer" | "budgetCents" | "createdAt"> & {
  budgetCents: number | bigint | null;
  createdAt: Date | string;
  customerName: string;
  customerEmail: string | null;
  customerPhone: string | null;
  contactPreference: string;
};

const LIST_COLUMNS = `t."id", t."number", t."status", t."budgetCents", t."neededBy", t."createdAt",
  c."name" AS "customerName", c."email" AS "customerEmail", c."phone" AS "customerPhone", c."contactPreference" AS "contactPreference"`;

function toListRow(row: TRawListRow): TQuoteListRow {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    budgetCents: row.budgetCents === null ? null : Number(row.budgetCents),
    neededBy: row.neededBy,
    createdAt: new Date(row.createdAt),
    customer: { name: row.customerName, email: row.customerEmail, phone: row.customerPhone, contactPreference: row.contactPreference },
  };
}

/** One page of the admin's quote list, as chosen by the URL's parameters. */
export function listQuotes(params: TQuoteListParams): Promise<TQuoteListResult> {
  const where = whereClause(params);
  return loadPage({
    searching: Boolean(params.q),
    page: params.page,
    find: (take) =>
      findPageWithCustomer<TRawListRow>({ table: "Quote", columns: LIST_COLUMNS, where, order: (prefix) => quoteOrderBy(params, prefix), page: params.page, take }),
    count: () => countRows("Quote", where),
    toRow: toListRow,
  });
}

/**
 * One quote with everything its page shows: the customer and the timeline with each admin's name.
 * Prisma runs one small indexed query per relation (quote, customer, events, admins): four in
 * all, whatever the timeline's length.
 */
export function getQuoteDetail(id: string) {
  return db.quote.findUnique({
    where: { id },
    select: {
      id: true,
      number: true,
      status: true,
      occasion: true,
      budgetCents: true,
      currency: true,
      neededBy: true,
      deliveryArea: true,
      notes: true,
      quotedAmountCents: true,
      quoteMessage: true,
      answeredAt: true,
      validUntil: true,
      declineReason: true,
      createdAt: true,
      contactName: true,
      contactEmail: true,
      contactPhone: true,
      contactPreference: true,
      whatsappConsentAt: true,
      emailVerifiedAt: true,
      contactOffers: { where: { status: "open" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: OPEN_OFFER_FIELDS },
      order: { select: { id: true, number: true, status: true } },
      customer: {
        select: {
          id: true,
          name: true,
          email: true,
          phone: true,
          phoneVerifiedAt: true,
          emailVerifiedAt: true,
          contactPreference: true,
          whatsappConsentAt: true,
          whatsappConsentSource: true,
          whatsappOptedOutAt: true,
        },
      },
      statusEvents: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, fromStatus: true, toStatus: true, note: true, createdAt: true, actor: { select: { name: true } } },
      },
    },
  });
}

export type TQuoteDetail = NonNullable<Awaited<ReturnType<typeof getQuoteDetail>>>;

export type TQuoteSummary = {
  counts: Record<TQuoteStatus, number>;
  /** When the longest-waiting new quote came in, or null when none is waiting. */
  oldestNewAt: Date | null;
};

/** The dashboard's numbers: how many quotes in each status, and how long the oldest new one has waited. */
export async function quoteSummary(): Promise<TQuoteSummary> {
  // Both read the (status, createdAt, id) index only: about 10 ms at 100,000 quotes on SQLite.
  const [groups, oldestNew] = await Promise.all([
    db.quote.groupBy({ by: ["status"], _count: { _all: true } }),
    db.quote.findFirst({ where: { status: "new" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { createdAt: true } }),
  ]);
  const counts = Object.fromEntries(QUOTE_STATUSES.map((status) => [status, 0])) as Record<TQuoteStatus, number>;
  for (const group of groups) if (isQuoteStatus(group.status)) counts[group.status] = group._count._all;
  return { counts, oldestNewAt: oldestNew?.createdAt ?? null };
}

/** The newest quote requests, for the dashboard. */
export function recentQuotes(take = 5) {
  return db.quote.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      number: true,
      status: true,
      createdAt: true,
      customer: { select: { name: true, contactPreference: true } },
    },
  });
}

/** What the quote page's "Send WhatsApp" panel needs: the answer and both sets of contact details. */
export function getQuoteForWhatsApp(id: string) {
  return db.quote.findUnique({
    where: { id },
    select: {
      id: true,
      customerId: true,
      number: true,
      status: true,
      occasion: true,
      quotedAmountCents: true,
      quoteMessage: true,
      answeredAt: true,
      validUntil: true,
      declineReason: true,
      ...QUOTE_CONTACT_SELECT,
      customer: { select: CUSTOMER_CONTACT_SELECT },
    },
  });
}

/** The number and name a quote was asked with: where a simulated customer reply comes from. */
export function getQuoteReplyContact(id: string) {
  return db.quote.findUnique({ where: { id }, select: { contactPhone: true, contactName: true } });
}
