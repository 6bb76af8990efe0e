// The SQL every admin list (quotes, orders) is built from. A list is one statement that pages
// over the table's indexes first (only ids, so a deep page skips index entries rather than whole
// rows), then joins the rows it keeps. Portable SQL (SQLite and PostgreSQL): quoted identifiers,
// LIKE on the lower-cased searchText, explicit NULLS LAST.
import "server-only";
import { getCountryCallingCode, type CountryCode } from "libphonenumber-js";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { PAGE_SIZE, searchGroups, type TSortDirection } from "@/lib/list-params";

/** The calling code of the business's phone region ("27"), for phone numbers typed with a leading 0. */
export const phoneCallingCode = (() => {
  try {
    return getCountryCallingCode(env.DEFAULT_PHONE_REGION as CountryCode);
  } catch {
    return "";
  }
})();

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * One condition per search group: every word must match somewhere in "searchText", or in the
 * lower-cased text expression `column` names (a trusted constant, never from the URL).
 */
export function searchConditions(q: string, column = `"searchText"`): Prisma.Sql[] {
  return searchGroups(q, phoneCallingCode).map((alternatives) => {
    const likes = alternatives.map((term) => Prisma.sql`${Prisma.raw(column)} LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\'`);
    return Prisma.sql`(${Prisma.join(likes, " OR ")})`;
  });
}

export function whereAll(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/**
 * ORDER BY a trusted column name (never from the URL as such), with the id as tie-breaker so a
 * page boundary never splits rows unpredictably. With `nullsLast`, rows without a value go last
 * in either direction: "soonest first" must start with real dates.
 */
export function orderBy(column: string, dir: TSortDirection, nullsLast: boolean, table = ""): Prisma.Sql {
  const direction = dir === "asc" ? "ASC" : "DESC";
  return Prisma.raw(`${table}${column} ${direction}${nullsLast ? " NULLS LAST" : ""}, ${table}"id" ${direction}`);
}

/**
 * LIMIT and OFFSET are written into the SQL, not bound: with a bound LIMIT SQLite's planner
 * cannot tell the page is small and walks the whole index to join it (70 ms instead of 1).
 * Both are integers computed here from the parsed page number.
 */
export function pageWindow(page: number, take: number): Prisma.Sql {
  return Prisma.raw(`LIMIT ${Math.trunc(take)} OFFSET ${Math.trunc((page - 1) * PAGE_SIZE)}`);
}

/**
 * The rows of one page with their customer: the page's ids from the table's index alone, then the
 * kept rows joined to "Customer". `columns` names the table as t and the customer as c; `order`
 * writes the ORDER BY for a column prefix ("" inside, "t." outside).
 */
export function findPageWithCustomer<Raw>(options: {
  table: "Quote" | "Order";
  columns: string;
  where: Prisma.Sql;
  order: (prefix: string) => Prisma.Sql;
  page: number;
  take: number;
}): Promise<Raw[]> {
  const { table, where, order } = options;
  return db.$queryRaw<Raw[]>`
    SELECT ${Prisma.raw(options.columns)}
    FROM (SELECT "id" FROM ${Prisma.raw(`"${table}"`)} ${where} ORDER BY ${order("")} ${pageWindow(options.page, options.take)}) AS "page"
    JOIN ${Prisma.raw(`"${table}"`)} t ON t."id" = "page"."id"
    JOIN "Customer" c ON c."id" = t."customerId"
    ORDER BY ${order("t.")}`;
}

// A plain COUNT(*) over an index; Prisma's count() wraps a sub-select and costs about 3×.
export async function countRows(table: "Quote" | "Order" | "Customer", where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number | bigint }[]>`SELECT COUNT(*) AS "count" FROM ${Prisma.raw(`"${table}"`)} ${where}`;
  return Number(row?.count ?? 0);
}

type TPage<Row> = { rows: Row[]; total: number | null; hasNext: boolean };

/**
 * A page of a list: counted exactly when not searching; a search fetches one row more than a
 * page instead, which tells whether there is a next page without counting.
 */
export async function loadPage<Raw, Row>(options: {
  searching: boolean;
  page: number;
  find: (take: number) => Promise<Raw[]>;
  count: () => Promise<number>;
  toRow: (raw: Raw) => Row;
}): Promise<TPage<Row>> {
  if (options.searching) {
    const rows = await options.find(PAGE_SIZE + 1);
    return { rows: rows.slice(0, PAGE_SIZE).map(options.toRow), total: null, hasNext: rows.length > PAGE_SIZE };
  }
  const [rows, total] = await Promise.all([options.find(PAGE_SIZE), options.count()]);
  return { rows: rows.map(options.toRow), total, hasNext: options.page * PAGE_SIZE < total };
}
