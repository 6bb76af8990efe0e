// Calendar dates (YYYY-MM-DD) in the business's time zone, and the UTC instants where they begin.
// The server may run in UTC while the business is in Johannesburg: days are computed there and
// turned into instants only at the edges. Client-safe: no config or server imports (the quote
// form's schema runs in the browser too).
const DAY_MS = 86_400_000;

/** Today's date (YYYY-MM-DD) in a time zone, the same in the browser and on the server. */
export function todayIn(timeZone: string, now = new Date()): string {
  // Built from parts: a locale's own date pattern (en-CA's, say) has changed between browser versions.
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
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
