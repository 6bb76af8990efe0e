// A customer's quote request from the public form: spam checks, then one transaction (customer,
// consent, quote with the contact details it was requested with, contact offers, first timeline
// entry, acknowledgement) so a failure anywhere leaves nothing half made. This is the busiest
// write of the app, so the transaction is a handful of hand-written statements (lib/raw-sql.ts):
// the number first (a write, so on SQLite the transaction holds the lock before it reads), two
// reads, then the inserts.
import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseMoneyToCents } from "@/lib/money";
import { normalizePhone } from "@/lib/phone";
import { consumeQuoteAllowance } from "@/lib/rate-limit";
import { insertSql, isUniqueViolation, joinSql, raw, rawSql, sql, type TSqlRunner } from "@/lib/raw-sql";
import { findOrCreateCustomerForQuote } from "@/lib/customers/commands";
import { notificationFields } from "@/lib/message-lifecycle/enqueue";
import { announceQueued } from "@/lib/message-lifecycle/queue-signal";
import { queuedMessageData } from "@/lib/message-lifecycle/transitions";
import { DEFAULT_NOTIFICATION_SETTINGS } from "@/lib/notifications/defaults";
import { nextNumber, yearIn } from "@/lib/document-number";
import { quoteRequestSchema, whatsappConsentText, type TQuoteRequest } from "@/lib/quotes/request-schema";
import { quoteSearchText } from "@/lib/search-text";
import { contactDirectlyText } from "@/lib/business-contact";

export type TSubmittedQuote = { quoteId: string; number: string };

/** The request schema with this installation's phone region and time zone. */
export const serverQuoteRequestSchema = quoteRequestSchema({ region: env.DEFAULT_PHONE_REGION, timeZone: env.BUSINESS_TIME_ZONE });

/** Said to a filled honeypot: plain for a person who somehow filled it, nothing a bot can tune against. */
export const SPAM_REJECTION_MESSAGE = `We could not accept this request. Please try again, or ${contactDirectlyText()}.`;

const orNull = (value: string) => value || null;
const ACKNOWLEDGEMENT = "quote.received";

/**
 * Whether the acknowledgement is sent (its notification may be turned off), and if not because
 * the request's email or phone already received QUOTE_ACK_LIMIT of them in the window, why: anyone
 * can type anyone's address, and a flood of acknowledgements must not reach that inbox. The quote
 * itself is kept (refusing it would let a stranger lock the real customer out of the form), so
 * staff still answer it. One read for all three.
 */
async function acknowledgementPlan(tx: TSqlRunner, contact: { email: string | null; phone: string | null }, now: Date): Promise<{ enabled: boolean; floodedBy: string | null }> {
  const since = new Date(now.getTime() - env.QUOTE_ACK_LIMIT_WINDOW_SECONDS * 1000);
  const recent = (column: "contactEmail" | "contactPhone", value: string | null) =>
    env.QUOTE_ACK_LIMIT === 0 || !value ? sql`0` : sql`(SELECT COUNT(*) FROM "Quote" WHERE ${raw(`"${column}"`)} = ${value} AND "createdAt" > ${since})`;
  const [row] = await tx.query<{ byEmail: number | string; byPhone: number | string; enabled: boolean | number | null }>(sql`
    SELECT ${recent("contactEmail", contact.email)} AS "byEmail", ${recent("contactPhone", contact.phone)} AS "byPhone",
      (SELECT "enabled" FROM "NotificationSetting" WHERE "event" = ${ACKNOWLEDGEMENT}) AS "enabled"`);
  // No row: the default setting (lib/notifications/settings.ts reads it the same way).
  const enabled = row!.enabled === null ? DEFAULT_NOTIFICATION_SETTINGS[ACKNOWLEDGEMENT].enabled : Boolean(row!.enabled);
  const minutes = Math.round(env.QUOTE_ACK_LIMIT_WINDOW_SECONDS / 60);
  const over = (count: number | string) => env.QUOTE_ACK_LIMIT > 0 && Number(count) >= env.QUOTE_ACK_LIMIT;
  const floodedBy = over(row!.byEmail)
    ? `${env.QUOTE_ACK_LIMIT} requests from ${contact.email} in the last ${minutes} minutes already had one.`
    : over(row!.byPhone)
      ? `${env.QUOTE_ACK_LIMIT} requests from +${contact.phone} in the last ${minutes} minutes already had one.`
      : null;
  return { enabled, floodedBy };
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
  const contact = { email, phone };
  const store = () =>
    rawSql.transaction(async (tx) => {
      const number = await nextNumber(tx, "Q", yearIn(env.BUSINESS_TIME_ZONE, now));
      const customer = await findOrCreateCustomerForQuote(tx, {
        name: request.name,
        ...contact,
        contactPreference: request.contactPreference,
        whatsappConsent: request.whatsappConsent,
        consentText: whatsappConsentText(env.BUSINESS_NAME),
        at: now,
      });
      const acknowledgement = await acknowledgementPlan(tx, contact, now);
      const consent = request.contactPreference === "whatsapp" && request.whatsappConsent;
      const quoteId = randomUUID();
      await tx.execute(
        insertSql("Quote", {
          id: quoteId,
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
          searchText: quoteSearchText({
            number,
            contactName: request.name,
            contactEmail: email,
            contactPhone: phone,
            occasion: request.occasion,
            deliveryArea: orNull(request.deliveryArea),
            notes: orNull(request.notes),
            quoteMessage: null,
          }),
          createdAt: now,
          updatedAt: new Date(),
        }),
      );
      const floodedBy = acknowledgement.floodedBy;
      await tx.execute(
        insertSql("QuoteStatusEvent", {
          id: randomUUID(),
          quoteId,
          toStatus: "new",
          note: ["Requested on the website.", ...customer.notes, floodedBy ? `No acknowledgement sent: ${floodedBy}` : null].filter(Boolean).join(" "),
          createdAt: now,
        }),
      );
      if (customer.offers.length > 0) {
        const offers = customer.offers.map((offer) => sql`(${randomUUID()}, ${customer.customerId}, ${quoteId}, ${offer.field}, ${offer.value}, 'open', ${now})`);
        await tx.execute(sql`INSERT INTO "ContactOffer" ("id", "customerId", "quoteId", "field", "value", "status", "createdAt") VALUES ${joinSql(offers)}`);
      }
      // The acknowledgement; a quote is requested once, so its number versions the message.
      if (acknowledgement.enabled && !floodedBy) {
        const fields = notificationFields({ event: ACKNOWLEDGEMENT, customerId: customer.customerId, quoteId, version: number, now }, request.contactPreference, now);
        await tx.execute(insertSql("Message", { id: randomUUID(), ...queuedMessageData(fields, now), updatedAt: new Date() }));
      }
      return { quoteId, number };
    });
  const storeAndAnnounce = async () => {
    const stored = await store();
    // Committed: this process's dispatcher (if it runs one) sends the acknowledgement now.
    announceQueued();
    return stored;
  };

  try {
    return await storeAndAnnounce();
  } catch (error) {
    // Two first requests with the same new email or phone at once (a double submit): on
    // PostgreSQL both can miss the customer and one insert then hits the unique index. Once more
    // finds the customer the other request made. (SQLite runs these transactions one at a time.)
    if (isUniqueViolation(error)) return storeAndAnnounce();
    throw error;
  }
}
