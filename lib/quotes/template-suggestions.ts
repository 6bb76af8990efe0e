// What a WhatsApp template about a quote is filled with before the admin edits it: the customer's
// first name, the quote's number and its price, by position ({{1}}, {{2}}, {{3}}) or under the
// usual names of a named template's parameters. The quote page's send dialog and the inbox's reply
// box suggest the same values.
import "server-only";
import { formatMoney } from "@/lib/format";

export type TQuoteTemplateSuggestions = { positional: string[]; named: Record<string, string> };

export const firstNameOf = (name: string) => name.split(/\s+/)[0] ?? name;

export function quoteTemplateSuggestions(customerName: string, quote: { number: string; quotedAmountCents: number | null }): TQuoteTemplateSuggestions {
  const firstName = firstNameOf(customerName);
  const amount = formatMoney(quote.quotedAmountCents);
  return {
    positional: [firstName, quote.number, amount],
    named: { first_name: firstName, name: firstName, customer_name: customerName, quote_number: quote.number, number: quote.number, amount, total: amount },
  };
}
