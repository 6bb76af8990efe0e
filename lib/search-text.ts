// What the quote and order lists' search boxes match, kept in each row's searchText: the numbers and
// contact details (how a record is looked up by who asked) and, for a quote, the words of the
// request and its answer (how an owner remembers it: "the succulents one"). Written when the row is
// made, and again whenever a part of it changes: a quote's answer, or a customer's name, email or
// phone. One lower-cased column, so one trigram index serves the search on PostgreSQL and
// JavaScript's lower-casing (which knows É from é, unlike SQLite's LOWER) is used.
// A module of its own because both quotes and customers write these rows.
import "server-only";
import type { TTx } from "@/lib/db";

export type TQuoteSearchParts = {
  number: string;
  contactName: string;
  contactEmail: string | null;
  contactPhone: string | null;
  occasion: string;
  deliveryArea: string | null;
  notes: string | null;
  quoteMessage: string | null;
};

export function quoteSearchText(parts: TQuoteSearchParts): string {
  const { number, contactName, contactEmail, contactPhone, occasion, deliveryArea, notes, quoteMessage } = parts;
  return [number, contactName, contactEmail, contactPhone, occasion, deliveryArea, notes, quoteMessage]
    .filter(Boolean)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

export type TOrderSearchParts = {
  number: string;
  customerName: string;
  quote: Pick<TQuoteSearchParts, "number" | "contactName" | "contactEmail" | "contactPhone">;
};

export function orderSearchText({ number, customerName, quote }: TOrderSearchParts): string {
  return [number, quote.number, customerName, quote.contactName, quote.contactEmail, quote.contactPhone]
    .filter((part, index, parts) => part && parts.indexOf(part) === index)
    .join(" ")
    .toLowerCase();
}

const QUOTE_PARTS = {
  id: true,
  number: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
  occasion: true,
  deliveryArea: true,
  notes: true,
  quoteMessage: true,
} as const;

/** Rewrites the quotes' searchText from their columns as they are now. */
export async function refreshQuoteSearchText(tx: TTx, quoteIds: string | string[]): Promise<void> {
  const ids = typeof quoteIds === "string" ? [quoteIds] : quoteIds;
  if (ids.length === 0) return;
  const quotes = await tx.quote.findMany({ where: { id: { in: ids } }, select: QUOTE_PARTS });
  for (const quote of quotes) await tx.quote.update({ where: { id: quote.id }, data: { searchText: quoteSearchText(quote) } });
}

/** Rewrites the searchText of a customer's orders from the customer's name and each order's quote as they are now. */
export async function refreshCustomerOrdersSearchText(tx: TTx, customerId: string): Promise<void> {
  const orders = await tx.order.findMany({
    where: { customerId },
    select: { id: true, number: true, customer: { select: { name: true } }, quote: { select: { number: true, contactName: true, contactEmail: true, contactPhone: true } } },
  });
  for (const order of orders) {
    await tx.order.update({ where: { id: order.id }, data: { searchText: orderSearchText({ number: order.number, customerName: order.customer.name, quote: order.quote }) } });
  }
}
