// Human numbers of quotes and orders, Q-2026-0001 and O-2026-0001: one counter per prefix and
// year (the year in the business's time zone, so a quote sent at 00:30 on 1 January in
// Johannesburg is already next year's). Shared by both, so it sits beside them, not in either.
import "server-only";
import type { TTx } from "@/lib/db";
import { asSqlRunner, sql, type TSqlRunner } from "@/lib/raw-sql";

export type TNumberPrefix = "Q" | "O";

// Making a DateTimeFormat costs more than a quote request's SQL; one per time zone is enough.
const yearFormats = new Map<string, Intl.DateTimeFormat>();

export function yearIn(timeZone: string, now = new Date()): string {
  let format = yearFormats.get(timeZone);
  if (!format) yearFormats.set(timeZone, (format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric" })));
  return format.format(now);
}

/**
 * The next number for a prefix and year, inside the caller's transaction (a Prisma one, or one of
 * lib/raw-sql.ts: the quote form's).
 *
 * One statement, `INSERT … ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
 * so there is no read-then-write window: on PostgreSQL the row lock serialises concurrent
 * requests (and several app processes), on SQLite the write lock does. The counter moves with the
 * transaction: a request that fails rolls it back and leaves no gap.
 */
export async function nextNumber(client: TTx | TSqlRunner, prefix: TNumberPrefix, year: string): Promise<string> {
  const name = `${prefix}-${year}`;
  const [row] = await asSqlRunner(client).query<{ value: number | string }>(sql`
    INSERT INTO "Sequence" ("name", "value") VALUES (${name}, 1)
    ON CONFLICT ("name") DO UPDATE SET "value" = "Sequence"."value" + 1
    RETURNING "value"`);
  return `${name}-${String(row!.value).padStart(4, "0")}`;
}
