// What the settings preview uses when the chosen quote or order cannot fill a field (a new quote
// has no price yet, a quote no order): a sample value, marked as one, instead of a blank that
// reads like a broken message ("is ready: ."). Also which record suits an event best, so the
// preview starts on one that fills its fields. Client-safe.
import type { TNotificationEvent } from "@/lib/notifications/events";
import type { TNotificationField } from "@/lib/notifications/field-keys";

const SAMPLES: Record<TNotificationField, string> = {
  "customer.name": "Lerato Dlamini",
  "customer.firstName": "Lerato",
  "business.name": "Snow Spoiled Gifts",
  "quote.number": "Q-2026-0042",
  "quote.occasion": "A birthday hamper",
  "quote.amount": "R 1 250,00",
  "quote.message": "A hamper of chocolates and a card, delivered on the day.",
  "quote.validUntil": "17 Dec 2026",
  "quote.link": "https://example.com/q/sample-link",
  "quote.linkPath": "q/sample-link",
  "quote.declineReason": "Found another gift",
  "order.number": "O-2026-0042",
  "order.status": "ready",
  "order.deliveryDate": "24 Dec 2026",
  "order.total": "R 1 250,00",
  "order.balance": "R 625,00",
};

/** A field's sample, marked so nobody takes it for the record's own value. */
export function sampleValue(field: TNotificationField): string {
  return `[sample: ${SAMPLES[field]}]`;
}

/** `values` with a marked sample for each of `missing`; the record's own values are kept. */
export function withSamples<T extends Partial<Record<TNotificationField, string>>>(values: T, missing: readonly string[]): T {
  const filled: Partial<Record<TNotificationField, string>> = { ...values };
  for (const field of missing) {
    if (Object.hasOwn(SAMPLES, field) && filled[field as TNotificationField] === undefined) filled[field as TNotificationField] = sampleValue(field as TNotificationField);
  }
  return filled as T;
}

type TRecord = { kind: "quote" | "order"; id: string; status: string };

// The record an event is sent for, in the status it leaves it in: a quote.answered message is
// about a quoted quote, order.ready about a ready order; quote.accepted about the new order.
const FITS: Record<TNotificationEvent, { kind: "quote" | "order"; statuses: readonly string[] | null }> = {
  "quote.received": { kind: "quote", statuses: null },
  "quote.answered": { kind: "quote", statuses: ["quoted"] },
  "quote.accepted": { kind: "order", statuses: null },
  "quote.declined": { kind: "quote", statuses: ["declined"] },
  "order.in_production": { kind: "order", statuses: ["in_production"] },
  "order.ready": { kind: "order", statuses: ["ready"] },
  "order.out_for_delivery": { kind: "order", statuses: ["out_for_delivery"] },
  "order.delivered": { kind: "order", statuses: ["delivered"] },
  "order.cancelled": { kind: "order", statuses: ["cancelled"] },
};

/**
 * The newest record (lists are newest first) the event could have been sent for; else the newest
 * of the right kind; else the newest of any. Null when there are none.
 */
export function fittingRecord<R extends TRecord>(event: TNotificationEvent, records: { quotes: R[]; orders: R[] }): R | null {
  const fit = FITS[event];
  const ofKind = fit.kind === "order" ? records.orders : records.quotes;
  const statuses = fit.statuses;
  return (statuses ? ofKind.find((record) => statuses.includes(record.status)) : undefined) ?? ofKind[0] ?? records.quotes[0] ?? records.orders[0] ?? null;
}
