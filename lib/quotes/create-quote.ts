// A customer's quote request from the public form: spam checks, then one transaction (customer,
// consent, quote with the contact details it was requested with, contact offers, first timeline
// entry, acknowledgement) so a failure anywhere leaves nothing half made.
import { db, type TTx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseMoneyToCents } from "@/lib/money";
import { normalizePhone } from "@/lib/phone";
import { consumeQuoteAllowance } from "@/lib/rate-limit";
import { findOrCreateCustomerForQuote } from "@/lib/customers/commands";
import { enqueueNotification } from "@/lib/message-lifecycle/enqueue";
import { nextNumber, yearIn } from "@/lib/document-number";
import { quoteRequestSchema, whatsappConsentText, type TQuoteRequest } from "@/lib/quotes/request-schema";

export type TSubmittedQuote = { quoteId: string; number: string };

/** The request schema with this installation's phone region and time zone. */
export const serverQuoteRequestSchema = quoteRequestSchema({ region: env.DEFAULT_PHONE_REGION, timeZone: env.BUSINESS_TIME_ZONE });

/** Said to a filled honeypot: plain for a person who somehow filled it, nothing a bot can tune against. */
export const SPAM_REJECTION_MESSAGE = "We could not accept this request. Please try again, or contact us directly.";

const orNull = (value: string) => value || null;

/**
 * Why this request's acknowledgement is not sent, when its email or phone already received
 * QUOTE_ACK_LIMIT of them in the window: anyone can type anyone's address, and a flood of
 * acknowledgements must not reach that inbox. The quote itself is kept (refusing it would let
 * a stranger lock the real customer out of the form), so staff still answer it.
 */
async function acknowledgementsExhausted(tx: TTx, contact: { email: string | null; phone: string | null }, now: Date): Promise<string | null> {
  if (env.QUOTE_ACK_LIMIT === 0) return null;
  const since = new Date(now.getTime() - env.QUOTE_ACK_LIMIT_WINDOW_SECONDS * 1000);
  const recent = async (where: { contactEmail: string } | { contactPhone: string }) => tx.quote.count({ where: { ...where, createdAt: { gt: since } } });
  const minutes = Math.round(env.QUOTE_ACK_LIMIT_WINDOW_SECONDS / 60);
  if (contact.email && (await recent({ contactEmail: contact.email })) >= env.QUOTE_ACK_LIMIT) {
    return `${env.QUOTE_ACK_LIMIT} requests from ${contact.email} in the last ${minutes} minutes already had one.`;
  }
  if (contact.phone && (await recent({ contactPhone: contact.phone })) >= env.QUOTE_ACK_LIMIT) {
    return `${env.QUOTE_ACK_LIMIT} requests from +${contact.phone} in the last ${minutes} minutes already had one.`;
  }
  return null;
}

/**
 * Stores a quote request and returns its number. Refuses (with an AppError, storing nothing) a
 * filled honeypot, input the schema rejects, and an IP over its allowance. `now` is for tests.
 */
export async function submitQuoteRequest(input: TQuoteRequest, context: { ip: string; now?: Date }): Promise<TSubmittedQuote> {
  if (input.website) throw new AppError("invalid_input", SPAM_REJECTION_MESSAGE);
  // The action has parsed already; parsing here too keeps this safe for any other caller.
  const parsed = serverQuoteRequestSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid_input", parsed.error.issues[0]?.message ?? "Check the form and try again.");
  const request = parsed.data;

  await consumeQuoteAllowance(context.ip);

  const now = context.now ?? new Date();
  const email = orNull(request.email)?.toLowerCase() ?? null;
  const phone = request.phone ? normalizePhone(request.phone, env.DEFAULT_PHONE_REGION) : null;
  const store = () =>
    db.$transaction(async (tx) => {
      const customer = await findOrCreateCustomerForQuote(tx, {
        name: request.name,
        email,
        phone,
        contactPreference: request.contactPreference,
        whatsappConsent: request.whatsappConsent,
        consentText: whatsappConsentText(env.BUSINESS_NAME),
        at: now,
      });
      const number = await nextNumber(tx, "Q", yearIn(env.BUSINESS_TIME_ZONE, now));
      const floodedBy = await acknowledgementsExhausted(tx, { email, phone }, now);
      const consent = request.contactPreference === "whatsapp" && request.whatsappConsent;
      const quote = await tx.quote.create({
        data: {
          number,
          customerId: customer.customerId,
          contactName: request.name,
          contactEmail: email,
          contactPhone: phone,
          contactPreference: request.contactPreference,
          whatsappConsentAt: consent ? now : null,
          status: "new",
          occasion: request.occasion,
          budgetCents: request.budget ? parseMoneyToCents(request.budget) : null,
          currency: env.BUSINESS_CURRENCY,
          neededBy: orNull(request.neededBy),
          deliveryArea: orNull(request.deliveryArea),
          notes: orNull(request.notes),
          searchText: [number, request.name, email, phone].filter(Boolean).join(" ").toLowerCase(),
          createdAt: now,
          statusEvents: {
            create: {
              toStatus: "new",
              note: ["Requested on the website.", ...customer.notes, floodedBy ? `No acknowledgement sent: ${floodedBy}` : null].filter(Boolean).join(" "),
              createdAt: now,
            },
          },
          contactOffers: { create: customer.offers.map((offer) => ({ customerId: customer.customerId, field: offer.field, value: offer.value, createdAt: now })) },
        },
        select: { id: true, number: true },
      });
      // The acknowledgement; a quote is requested once, so its number versions the message.
      if (!floodedBy) await enqueueNotification(tx, { event: "quote.received", customerId: customer.customerId, quoteId: quote.id, version: quote.number, now });
      return { quoteId: quote.id, number: quote.number };
    });

  try {
    return await store();
  } catch (error) {
    // Two first requests with the same new email or phone at once (a double submit): on
    // PostgreSQL both can miss the customer and one insert then hits the unique index. Once more
    // finds the customer the other request made. (SQLite runs these transactions one at a time.)
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return store();
    throw error;
  }
}
