// Customers as the public quote form meets them: found by email, then by phone, or created.
// The form is not verified (anyone can type anyone's email), so it never changes an existing
// customer: not their name, email, phone, preference, consent or opt-out. The quote keeps the
// details it was requested with (lib/customers/recipient.ts sends its messages there), and each
// detail that differs from the record becomes a contact offer an admin may apply or ignore.
// Hand-written statements (lib/raw-sql.ts): this is the hot path of every quote request.
import "server-only";
import { randomUUID } from "node:crypto";
import { insertSql, sql, type TSqlRunner } from "@/lib/raw-sql";
import type { TContactPreference } from "@/lib/customers/preference-schema";

export type TQuoteContact = {
  name: string;
  /** Lower-cased. */
  email: string | null;
  /** Normalised: digits with country code, no "+". */
  phone: string | null;
  contactPreference: TContactPreference;
  whatsappConsent: boolean;
  /** The consent sentence exactly as the customer saw it. */
  consentText: string;
  at: Date;
};

export type TOfferField = "name" | "email" | "phone" | "contactPreference";
export type TOffer = { field: TOfferField; value: string };

export type TQuoteCustomer = {
  customerId: string;
  created: boolean;
  /** Details this request brought that differ from the matched customer's. */
  offers: TOffer[];
  /** For the quote's first timeline entry. */
  notes: string[];
};

type TMatch = { id: string; name: string; email: string | null; phone: string | null; contactPreference: string };

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The customers holding this email and this phone (one, two, or none), in one read. */
async function matchesOf(tx: TSqlRunner, contact: TQuoteContact) {
  if (!contact.email && !contact.phone) return { byEmail: null, byPhone: null };
  const rows = await tx.query<TMatch>(sql`
    SELECT "id", "name", "email", "phone", "contactPreference" FROM "Customer" WHERE "email" = ${contact.email} OR "phone" = ${contact.phone}`);
  return {
    byEmail: (contact.email && rows.find((row) => row.email === contact.email)) || null,
    byPhone: (contact.phone && rows.find((row) => row.phone === contact.phone)) || null,
  };
}

/** Inside the caller's transaction (lib/quotes/create-quote.ts). */
export async function findOrCreateCustomerForQuote(tx: TSqlRunner, contact: TQuoteContact): Promise<TQuoteCustomer> {
  const { byEmail, byPhone } = await matchesOf(tx, contact);
  const consent = contact.contactPreference === "whatsapp" && contact.whatsappConsent;
  const notes: string[] = [];

  let customer = byEmail ?? byPhone;
  if (byEmail && byPhone && byEmail.id !== byPhone.id) {
    // The email is one customer's and the phone another's: a shared family phone, a changed
    // number, or one person with two records. The quote is filed with the customer who owns the
    // channel they asked us to use; staff can merge the two if they are one person.
    const [owner, other, detail] =
      contact.contactPreference === "whatsapp" ? [byPhone, byEmail, `email ${contact.email}`] : [byEmail, byPhone, `phone number +${contact.phone}`];
    customer = owner;
    notes.push(`The ${detail} on this request belongs to another customer, ${other.name}.`);
  }

  if (!customer) {
    const id = randomUUID();
    const stamp = new Date();
    await tx.execute(
      insertSql("Customer", {
        id,
        name: contact.name,
        email: contact.email,
        phone: contact.phone,
        contactPreference: contact.contactPreference,
        whatsappConsentAt: consent ? contact.at : null,
        whatsappConsentSource: consent ? "quote-form" : null,
        createdAt: stamp,
        updatedAt: stamp,
      }),
    );
    if (consent) {
      await tx.execute(
        insertSql("ConsentEvent", { id: randomUUID(), customerId: id, channel: "whatsapp", action: "granted", source: "quote-form", text: contact.consentText, createdAt: contact.at }),
      );
    }
    return { customerId: id, created: true, offers: [], notes };
  }

  const offers = offersFor(customer, contact, { emailHeldByOther: !!byEmail && byEmail.id !== customer.id, phoneHeldByOther: !!byPhone && byPhone.id !== customer.id });
  const matchedBy = customer === byEmail ? "email" : "phone number";
  notes.push(`Matched to the existing customer ${customer.name} by ${matchedBy}; their record was not changed.`);
  if (offers.length) notes.push(`This request offers a new ${offers.map((offer) => OFFER_LABEL[offer.field]).join(", ")} for review on the customer.`);
  if (consent) notes.push(`WhatsApp consent given on this request for +${contact.phone}: "${contact.consentText}".`);
  return { customerId: customer.id, created: false, offers, notes };
}

export const OFFER_LABEL: Record<TOfferField, string> = {
  name: "name",
  email: "email",
  phone: "phone",
  contactPreference: "contact preference",
};

/** What the request says differently from the record, leaving out details another customer holds. */
function offersFor(customer: TMatch, contact: TQuoteContact, held: { emailHeldByOther: boolean; phoneHeldByOther: boolean }): TOffer[] {
  const offers: TOffer[] = [];
  if (!sameName(customer.name, contact.name)) offers.push({ field: "name", value: contact.name });
  if (contact.email && contact.email !== customer.email && !held.emailHeldByOther) offers.push({ field: "email", value: contact.email });
  if (contact.phone && contact.phone !== customer.phone && !held.phoneHeldByOther) offers.push({ field: "phone", value: contact.phone });
  if (contact.contactPreference !== customer.contactPreference) offers.push({ field: "contactPreference", value: contact.contactPreference });
  return offers;
}
