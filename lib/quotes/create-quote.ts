// A customer's quote request: rate-limited per IP, normalised, and stored in one transaction
// (customer, consent, quote, first timeline entry) so a failure leaves nothing half made.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { normalizePhone } from "@/lib/phone";
import { parseMoneyToCents } from "@/lib/money";
import { consumeQuoteAllowance } from "@/lib/rate-limit";
import { findOrCreateCustomerForQuote } from "@/lib/customers/commands";
import { nextNumber, yearIn } from "@/lib/quotes/quote-number";
import { whatsappConsentText, type TQuoteRequest } from "@/lib/quotes/request-schema";

export type TSubmittedQuote = { quoteId: string; number: string };

const orNull = (value: string) => value.trim() || null;

/** `input` has passed quoteRequestSchema; the caller checked the honeypot. */
export async function submitQuoteRequest(input: TQuoteRequest, context: { ip: string; now?: Date }): Promise<TSubmittedQuote> {
  await consumeQuoteAllowance(context.ip);
  const now = context.now ?? new Date();
  const email = orNull(input.email)?.toLowerCase() ?? null;
  const phone = input.phone ? normalizePhone(input.phone, env.DEFAULT_PHONE_REGION) : null;

  return db.$transaction(async (tx) => {
    const customer = await findOrCreateCustomerForQuote(
      tx,
      {
        name: input.name.trim(),
        email,
        phone,
        contactPreference: input.contactPreference,
        whatsappConsent: input.whatsappConsent,
        consentText: whatsappConsentText(env.BUSINESS_NAME),
      },
      now,
    );
    const number = await nextNumber(tx, "Q", yearIn(env.BUSINESS_TIME_ZONE, now));
    const quote = await tx.quote.create({
      data: {
        number,
        customerId: customer.id,
        status: "new",
        occasion: input.occasion.trim(),
        budgetCents: input.budget ? parseMoneyToCents(input.budget) : null,
        currency: env.BUSINESS_CURRENCY,
        neededBy: orNull(input.neededBy),
        deliveryArea: orNull(input.deliveryArea),
        notes: orNull(input.notes),
        searchText: [number, input.name.trim(), email, phone].filter(Boolean).join(" ").toLowerCase(),
        createdAt: now,
        statusEvents: { create: { toStatus: "new", note: "Requested on the website", createdAt: now } },
      },
      select: { id: true, number: true },
    });
    return { quoteId: quote.id, number: quote.number };
  });
}
