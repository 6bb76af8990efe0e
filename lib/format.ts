// Showing stored values the business's way: money is integer cents, times are UTC in the
// database and shown in the business's time zone.
import { env } from "@/lib/env";

const money = new Intl.NumberFormat(env.BUSINESS_LOCALE, { style: "currency", currency: env.BUSINESS_CURRENCY });
const dateTime = new Intl.DateTimeFormat(env.BUSINESS_LOCALE, {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: env.BUSINESS_TIME_ZONE,
});
const dateOnly = new Intl.DateTimeFormat(env.BUSINESS_LOCALE, { dateStyle: "medium", timeZone: "UTC" });

export function formatMoney(cents: number | null | undefined): string {
  return cents == null ? "—" : money.format(cents / 100);
}

export function formatDateTime(value: Date | null | undefined): string {
  return value ? dateTime.format(value) : "—";
}

/** A calendar date stored as YYYY-MM-DD (no time zone of its own). */
export function formatCalendarDate(value: string | null | undefined): string {
  return value ? dateOnly.format(new Date(`${value}T00:00:00Z`)) : "—";
}

/** Today's date in the business's time zone, as YYYY-MM-DD. */
export function todayInBusinessZone(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: env.BUSINESS_TIME_ZONE }).format(now);
}

/** Rand (or the configured currency) typed by a person, e.g. "1 250,50" or "1250.5", to cents. */
export function parseMoneyToCents(input: string): number | null {
  const cleaned = input.replace(/[^\d.,]/g, "");
  if (!cleaned) return null;
  const lastSeparator = Math.max(cleaned.lastIndexOf("."), cleaned.lastIndexOf(","));
  const hasDecimals = lastSeparator >= 0 && cleaned.length - lastSeparator - 1 <= 2;
  const whole = (hasDecimals ? cleaned.slice(0, lastSeparator) : cleaned).replace(/[.,]/g, "");
  const fraction = hasDecimals ? cleaned.slice(lastSeparator + 1).padEnd(2, "0") : "00";
  const cents = Number(whole || "0") * 100 + Number(fraction);
  return Number.isSafeInteger(cents) ? cents : null;
}
