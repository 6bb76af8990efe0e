// The events that send the customer a message without anyone clicking. Client-safe: the settings
// page and the message filters list them too.
import { ORDER_STATUSES, ORDER_STATUS_LABEL, type TOrderStatus } from "@/lib/orders/status";

export const QUOTE_EVENTS = ["quote.received", "quote.answered", "quote.accepted", "quote.declined"] as const;
export const ORDER_EVENTS = ORDER_STATUSES.filter((status) => status !== "confirmed").map((status) => `order.${status}` as const);
/** Every order status change after the order is made; "confirmed" is told by quote.accepted. */
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
  if (status in ORDER_STATUS_LABEL) return `Order ${ORDER_STATUS_LABEL[status as TOrderStatus].toLowerCase()}`;
  return event;
}

/** The event an order's move to `status` sends. */
export function orderEvent(status: TOrderStatus): TNotificationEvent | null {
  const event = `order.${status}`;
  return isNotificationEvent(event) ? event : null;
}

/** Whether an event is about an order (its message links to the order) or a quote. */
export function eventSubject(event: TNotificationEvent): "quote" | "order" {
  return event.startsWith("order.") ? "order" : "quote";
}
