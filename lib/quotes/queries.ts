// Reads for the admin's quote pages. The list selects only what the table shows, joins the
// customer in the same round trip, and counts cheaply (see listQuotes).
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { PAGE_SIZE, type TQuoteListParams } from "@/lib/quotes/list-params";
import type { TQuoteStatus } from "@/lib/quotes/status";

const SORT_COLUMN = { received: "createdAt", needed: "neededBy", budget: "budgetCents", number: "number" } as const;

export type TQuoteListResult = {
  rows: Awaited<ReturnType<typeof findRows>>;
  /** Exact total when not searching; a search only knows whether there is a next page. */
  total: number | null;
  hasNext: boolean;
};

function findRows(params: TQuoteListParams, where: Prisma.QuoteWhereInput, take: number) {
  return db.quote.findMany({
    where,
    orderBy: [{ [SORT_COLUMN[params.sort]]: params.dir }, { id: params.dir }],
    skip: (params.page - 1) * PAGE_SIZE,
    take,
    select: {
      id: true,
      number: true,
      status: true,
      budgetCents: true,
      neededBy: true,
      createdAt: true,
      customer: { select: { name: true, email: true, phone: true, contactPreference: true } },
    },
  });
}

// A plain COUNT(*) (with the status index when filtered) is several times cheaper than
// Prisma's count(), which wraps a sub-select. A search count would be a full scan, so searches
// page with "next" only.
async function countQuotes(status: TQuoteStatus | undefined): Promise<number> {
  const rows = status
    ? await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "Quote" WHERE "status" = ${status}`
    : await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "Quote"`;
  return Number(rows[0]?.n ?? 0);
}

export async function listQuotes(params: TQuoteListParams): Promise<TQuoteListResult> {
  const where: Prisma.QuoteWhereInput = {
    ...(params.status ? { status: params.status } : {}),
    ...(params.q ? { searchText: { contains: params.q.toLowerCase() } } : {}),
  };
  if (params.q) {
    const rows = await findRows(params, where, PAGE_SIZE + 1);
    return { rows: rows.slice(0, PAGE_SIZE), total: null, hasNext: rows.length > PAGE_SIZE };
  }
  const [rows, total] = await Promise.all([findRows(params, where, PAGE_SIZE), countQuotes(params.status)]);
  return { rows, total, hasNext: params.page * PAGE_SIZE < total };
}

export type TQuoteRow = TQuoteListResult["rows"][number];

export async function getQuoteDetail(id: string) {
  return db.quote.findUnique({
    where: { id },
    include: {
      customer: true,
      statusEvents: { orderBy: { createdAt: "asc" }, include: { actor: { select: { name: true, email: true } } } },
    },
  });
}

export type TQuoteDetail = NonNullable<Awaited<ReturnType<typeof getQuoteDetail>>>;

export async function quoteCountsByStatus(): Promise<Record<string, number>> {
  const groups = await db.quote.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
}

export async function recentQuotes(take = 5) {
  return db.quote.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, number: true, status: true, createdAt: true, customer: { select: { name: true, contactPreference: true } } },
  });
}
