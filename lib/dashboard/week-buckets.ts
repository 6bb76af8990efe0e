// Business weeks as SQL buckets: the first instant of each of the last weeks (Mondays in the
// business's time zone), and a CASE that gives a row the number of the week it falls in, which
// works the same in SQLite and PostgreSQL and keeps a weekly chart one GROUP BY over an index range.
import "server-only";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, startOfDayIn } from "@/lib/calendar";
import { lastWeekStarts } from "@/lib/dashboard/calendar";

export type TWeekBuckets = { mondays: string[]; starts: Date[]; end: Date };

/** The last `weeks` business weeks, oldest first, and the instant the current one ends. */
export function businessWeeks(now: Date, weeks: number, timeZone = env.BUSINESS_TIME_ZONE): TWeekBuckets {
  const mondays = lastWeekStarts(timeZone, now, weeks);
  return { mondays, starts: mondays.map((monday) => startOfDayIn(monday, timeZone)), end: startOfDayIn(addDays(mondays.at(-1)!, 7), timeZone) };
}

/** CASE WHEN column >= <newest start> THEN <its index> … END: the week's index in `starts`. */
export function weekIndexSql(column: string, starts: readonly Date[]): Prisma.Sql {
  const cases = starts.map((start, index) => Prisma.sql`WHEN ${Prisma.raw(`"${column}"`)} >= ${start} THEN ${index}`).reverse();
  return Prisma.sql`CASE ${Prisma.join(cases, " ")} END`;
}
