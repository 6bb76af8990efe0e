// The values a notification can use ({{customer.name}}, {{quote.link}}, ...) and their labels.
// Client-safe (no environment, no database): the settings form validates against it, and
// lib/notifications/fields.ts fills them.
export const NOTIFICATION_FIELDS = {
  "customer.name": "Customer's name",
  "customer.firstName": "Customer's first name",
  "business.name": "Business name",
  "quote.number": "Quote number",
  "quote.occasion": "What the quote is for",
  "quote.amount": "Quoted price",
  "quote.message": "The answer's message",
  "quote.validUntil": "Quote valid until",
  "quote.link": "Accept/decline link (full address)",
  "quote.linkPath": "Accept/decline link path (for a template's URL button)",
  "quote.declineReason": "Reason the customer declined",
  "order.number": "Order number",
  "order.status": "Order status",
  "order.deliveryDate": "Delivery date",
  "order.total": "Order total",
  "order.balance": "Amount still owed",
} as const;

export type TNotificationField = keyof typeof NOTIFICATION_FIELDS;
export const FIELD_KEYS = Object.keys(NOTIFICATION_FIELDS) as TNotificationField[];

export function isNotificationField(value: string): value is TNotificationField {
  // Own keys only: `in` would also accept "constructor" or "toString".
  return Object.hasOwn(NOTIFICATION_FIELDS, value);
}

export const PLACEHOLDER = /\{\{\s*([a-zA-Z.]+)\s*\}\}/g;

/** The {{field}} names a text uses. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

