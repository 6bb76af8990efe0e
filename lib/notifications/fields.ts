// The values a notification can use ({{customer.name}}, {{quote.link}}, ...), their labels for the
// settings page, and how they are read from a quote or an order. One list, so the settings form,
// its validation, the preview and the dispatcher cannot disagree.
import "server-only";
import { formatCalendarDate, formatMoney } from "@/lib/format";
import { env } from "@/lib/env";
import { ORDER_STATUS_WORDS } from "@/lib/notifications/events";
import { isNotificationField, PLACEHOLDER, type TNotificationField } from "@/lib/notifications/field-keys";

export { FIELD_KEYS, NOTIFICATION_FIELDS, isNotificationField, placeholdersIn, type TNotificationField } from "@/lib/notifications/field-keys";

export type TFieldSource = {
  customer: { name: string };
  quote?: {
    number: string;
    occasion: string;
    quotedAmountCents: number | null;
    quoteMessage: string | null;
    validUntil: Date | null;
    declineReason: string | null;
  } | null;
  /** The accept link's token, when the quote has an open answer. */
  acceptLink?: { url: string; path: string } | null;
  order?: { number: string; status: string; deliveryDate: string | null; totalCents: number; paidCents: number } | null;
};

export type TFieldValues = Partial<Record<TNotificationField, string>>;

/** Every field the source can fill; a field it cannot (no order yet) is left out, not blank. */
export function fieldValues(source: TFieldSource): TFieldValues {
  const values: TFieldValues = {
    "customer.name": source.customer.name,
    "customer.firstName": source.customer.name.trim().split(/\s+/)[0] ?? source.customer.name,
    "business.name": env.BUSINESS_NAME,
  };
  const { quote, order, acceptLink } = source;
  if (quote) {
    values["quote.number"] = quote.number;
    values["quote.occasion"] = quote.occasion;
    if (quote.quotedAmountCents !== null) values["quote.amount"] = formatMoney(quote.quotedAmountCents);
    if (quote.quoteMessage) values["quote.message"] = quote.quoteMessage;
    if (quote.validUntil) values["quote.validUntil"] = formatCalendarDate(quote.validUntil.toISOString().slice(0, 10));
    if (quote.declineReason) values["quote.declineReason"] = quote.declineReason;
  }
  if (acceptLink) {
    values["quote.link"] = acceptLink.url;
    values["quote.linkPath"] = acceptLink.path;
  }
  if (order) {
    values["order.number"] = order.number;
    values["order.status"] = Object.hasOwn(ORDER_STATUS_WORDS, order.status) ? ORDER_STATUS_WORDS[order.status]! : order.status;
    values["order.deliveryDate"] = order.deliveryDate ? formatCalendarDate(order.deliveryDate) : "to be arranged";
    values["order.total"] = formatMoney(order.totalCents);
    // What is still owed, never below zero (lib/orders/payment.ts's rule; fields.test.ts pins it).
    values["order.balance"] = formatMoney(Math.max(0, order.totalCents - order.paidCents));
  }
  return values;
}

/** Fills {{field}} placeholders; a field without a value becomes "" and is reported. */
export function fillText(text: string, values: TFieldValues): { text: string; missing: string[] } {
  const missing: string[] = [];
  const filled = text.replace(PLACEHOLDER, (_, key: string) => {
    const value = isNotificationField(key) ? values[key] : undefined;
    if (value === undefined) missing.push(key);
    return value ?? "";
  });
  return { text: filled, missing };
}
