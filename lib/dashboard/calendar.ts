// Calendar weeks in the business's time zone, Monday to Sunday. The server may run in UTC while
// the business is in Johannesburg: "this week" and "the week an order came in" are the
// business's, so days are computed there and turned into UTC instants only at the edges.
import { addDays, todayIn } from "@/lib/calendar";

/** The Monday on or before `date`. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 is Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The current Monday–Sunday week in `timeZone`, as calendar dates (inclusive). */
export function weekOf(timeZone: string, now: Date): { start: string; end: string } {
  const start = mondayOf(todayIn(timeZone, now));
  return { start, end: addDays(start, 6) };
}

/** The Mondays of the last `count` weeks in `timeZone`, oldest first, the current week last. */
export function lastWeekStarts(timeZone: string, now: Date, count: number): string[] {
  const current = weekOf(timeZone, now).start;
  return Array.from({ length: count }, (_, index) => addDays(current, (index - count + 1) * 7));
}
