// Reads for the admin's order list. One SQL statement built from lib/list-sql.ts, like the quote
// list: it pages over the Order indexes first, then joins the 25 rows it keeps to their customers.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { countRows, findPageWithCustomer, loadPage, orderBy, searchConditions, whereAll } from "@/lib/list-sql";
import type { TOrderListParams, TOrderSort } from "@/lib/orders/list-params";
import { OPEN_ORDER_STATUSES } from "@/lib/orders/status";

export type TOrderListRow = {
  id: string;
  number: string;
  status: string;
  totalCents: number;
  paidCents: number;
  deliveryDate: string | null;
  createdAt: Date;
  customer: { name: string; email: string | null; phone: string | null };
};

export type TOrderListResult = {
  rows: TOrderListRow[];
  /** Exact number of matching orders when not searching; null for a search (see lib/list-params). */
  total: number | null;
  hasNext: boolean;
};

const SORT_COLUMN: Record<TOrderSort, string> = {
  created: `"createdAt"`,
  delivery: `"deliveryDate"`,
  total: `"totalCents"`,
  number: `"number"`,
};

// Orders without a delivery date go last in either direction: "soonest first" starts with real
// dates. totalCents is never null, so it needs no NULLS LAST (which would hide its index order).
const orderOrderBy = (params: TOrderListParams, table = "") => orderBy(SORT_COLUMN[params.sort], params.dir, params.sort === "delivery", table);

function statusCondition(status: TOrderListParams["status"]): Prisma.Sql[] {
  if (!status) return [];
  if (status === "open") return [Prisma.sql`"status" IN (${Prisma.join(OPEN_ORDER_STATUSES)})`];
  return [Prisma.sql`"status" = ${status}`];
}

const whereClause = (params: TOrderListParams) => whereAll([...statusCondition(params.status), ...searchConditions(params.q)]);

type TRawListRow = Omit<TOrderListRow, "customer" | "totalCents" | "paidCents" | "createdAt"> & {
  totalCents: number | bigint;
  paidCents: number | bigint;
  createdAt: Date | string;
  customerName: string;
  customerEmail: string | null;
  customerPhone: string | null;
};

const LIST_COLUMNS = `t."id", t."number", t."status", t."totalCents", t."paidCents", t."deliveryDate", t."createdAt",
  c."name" AS "customerName", c."email" AS "customerEmail", c."phone" AS "customerPhone"`;

function toListRow(row: TRawListRow): TOrderListRow {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    totalCents: Number(row.totalCents),
    paidCents: Number(row.paidCents),
    deliveryDate: row.deliveryDate,
    createdAt: new Date(row.createdAt),
    customer: { name: row.customerName, email: row.customerEmail, phone: row.customerPhone },
  };
}

/** One page of the admin's order list, as chosen by the URL's parameters. */
export function listOrders(params: TOrderListParams): Promise<TOrderListResult> {
  const where = whereClause(params);
  return loadPage({
    searching: Boolean(params.q),
    page: params.page,
    find: (take) =>
      findPageWithCustomer<TRawListRow>({ table: "Order", columns: LIST_COLUMNS, where, order: (prefix) => orderOrderBy(params, prefix), page: params.page, take }),
    count: () => countRows("Order", where),
    toRow: toListRow,
  });
}
