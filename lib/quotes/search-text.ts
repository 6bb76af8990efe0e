// What the quote list's search box matches, kept in Quote.searchText: the number and contact
// details (how a quote is looked up by who asked) and the words of the request and its answer
// (how an owner remembers it: "the succulents one"). Written when the quote is requested and
// again when it is answered. One lower-cased column, so one trigram index serves the search on
// PostgreSQL and JavaScript's lower-casing (which knows É from é, unlike SQLite's LOWER) is used.
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

const SEARCH_PARTS = {
  number: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
  occasion: true,
  deliveryArea: true,
  notes: true,
  quoteMessage: true,
} as const;

/** Rewrites a quote's searchText from its columns as they are now (after an answer changed them). */
export async function refreshQuoteSearchText(tx: TTx, quoteId: string): Promise<void> {
  const quote = await tx.quote.findUnique({ where: { id: quoteId }, select: SEARCH_PARTS });
  if (quote) await tx.quote.update({ where: { id: quoteId }, data: { searchText: quoteSearchText(quote) } });
}
