// Showing stored values the business's way: money is integer cents, times are UTC in the
// database and shown in the business's time zone.
import "server-only";
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
