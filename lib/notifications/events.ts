// The events that send the customer a message without anyone clicking. Client-safe: the settings
// page and the message filters list them too. A leaf (it imports nothing), so the message
// lifecycle and the quote and order commands can name these events without a folder cycle.
export const QUOTE_EVENTS = ["quote.received", "quote.answered", "quote.accepted", "quote.declined"] as const;

/**
 * An order's status as a notification says it ("in production"), for each status of
 * lib/orders/status.ts (events.test.ts checks that the two lists agree).
 */
export const ORDER_STATUS_WORDS: Record<string, string> = {
  confirmed: "confirmed",
  in_production: "in production",
  ready: "ready",
  out_for_delivery: "out for delivery",
  delivered: "delivered",
  cancelled: "cancelled",
};

/** Every order status change after the order is made; "confirmed" is told by quote.accepted. */
export const ORDER_EVENTS = ["order.in_production", "order.ready", "order.out_for_delivery", "order.delivered", "order.cancelled"] as const;
export const NOTIFICATION_EVENTS = [...QUOTE_EVENTS, ...ORDER_EVENTS] as const;
export type TNotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

const QUOTE_EVENT_LABEL: Record<(typeof QUOTE_EVENTS)[number], string> = {
  "quote.received": "Quote request received",
  "quote.answered": "Quote answered",
  "quote.accepted": "Quote accepted (order confirmed)",
  "quote.declined": "Quote declined",
};

export function isNotificationEvent(value: string): value is TNotificationEvent {
  return (NOTIFICATION_EVENTS as readonly string[]).includes(value);
}

export function eventLabel(event: string): string {
  if (event in QUOTE_EVENT_LABEL) return QUOTE_EVENT_LABEL[event as keyof typeof QUOTE_EVENT_LABEL];
  const status = event.startsWith("order.") ? event.slice("order.".length) : "";
  return Object.hasOwn(ORDER_STATUS_WORDS, status) ? `Order ${ORDER_STATUS_WORDS[status]}` : event;
}

/** The event an order's move to `status` sends. */
export function orderEvent(status: string): TNotificationEvent | null {
  const event = `order.${status}`;
  return isNotificationEvent(event) ? event : null;
}

/** Whether an event is about an order (its message links to the order) or a quote. */
export function eventSubject(event: TNotificationEvent): "quote" | "order" {
  return event.startsWith("order.") ? "order" : "quote";
}
