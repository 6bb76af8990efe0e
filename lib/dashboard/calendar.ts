// Calendar weeks in the business's time zone, Monday to Sunday. The server may run in UTC while
// the business is in Johannesburg: "this week" and "the week an order came in" are the
// business's, so days are computed there and turned into UTC instants only at the edges.
import { todayIn } from "@/lib/quotes/request-schema";

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

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

// How far `timeZone` is ahead of UTC at `at`, in milliseconds.
function offsetMs(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant midnight begins on `date` in `timeZone`. */
export function startOfDayIn(date: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  // Twice, in case a daylight-saving change falls between UTC midnight and local midnight.
  let instant = midnightUtc - offsetMs(timeZone, new Date(midnightUtc));
  instant = midnightUtc - offsetMs(timeZone, new Date(instant));
  return new Date(instant);
}

/** The Mondays of the last `count` weeks in `timeZone`, oldest first, the current week last. */
export function lastWeekStarts(timeZone: string, now: Date, count: number): string[] {
  const current = weekOf(timeZone, now).start;
  return Array.from({ length: count }, (_, index) => addDays(current, (index - count + 1) * 7));
}
