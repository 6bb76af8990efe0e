// Customers as the public quote form meets them: found by email, then by phone, or created;
// their contact details, contact preference and WhatsApp consent kept current, with a consent
// history. The form is not verified (anyone can type any email), so every change it makes to an
// existing customer is written down for staff in `notes`, which the caller puts on the quote.
import type { TTx } from "@/lib/db";
import type { TContactPreference } from "@/lib/quotes/request-schema";

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

export type TQuoteCustomer = { customerId: string; created: boolean; notes: string[] };

type TMatch = { id: string; name: string; email: string | null; phone: string | null };

const MATCH_FIELDS = { id: true, name: true, email: true, phone: true } as const;

export async function findOrCreateCustomerForQuote(tx: TTx, contact: TQuoteContact): Promise<TQuoteCustomer> {
  const byEmail: TMatch | null = contact.email ? await tx.customer.findUnique({ where: { email: contact.email }, select: MATCH_FIELDS }) : null;
  const byPhone: TMatch | null = contact.phone ? await tx.customer.findUnique({ where: { phone: contact.phone }, select: MATCH_FIELDS }) : null;
  const consent = contact.contactPreference === "whatsapp" && contact.whatsappConsent;
  const notes: string[] = [];

  let customer = byEmail ?? byPhone;
  if (byEmail && byPhone && byEmail.id !== byPhone.id) {
    // The email is one customer's and the phone another's: a shared family phone, a changed
    // number, or one person with two records. Neither detail is moved (both are unique, and
    // moving one would send another customer's messages elsewhere on the word of an unverified
    // form). The quote goes to the customer who owns the channel they asked us to use, so the
    // answer reaches the address they typed and WhatsApp consent lands on the record that holds
    // the consented number. Staff see a note and can tidy up by hand.
    const [owner, other, detail] =
      contact.contactPreference === "whatsapp" ? [byPhone, byEmail, `email ${contact.email}`] : [byEmail, byPhone, `phone number +${contact.phone}`];
    customer = owner;
    notes.push(`The ${detail} on this request belongs to another customer, ${other.name}; it was left with them.`);
  }

  const consentFields = consent ? { whatsappConsentAt: contact.at, whatsappConsentSource: "quote-form", whatsappOptedOutAt: null } : {};
  let customerId: string;
  let created = false;

  if (customer) {
    // A detail nobody else holds is taken as the customer's current one (the latest form wins);
    // replacing an older one is noted, since it changes where their messages go.
    const emailIsFree = !!contact.email && (!byEmail || byEmail.id === customer.id);
    const phoneIsFree = !!contact.phone && (!byPhone || byPhone.id === customer.id);
    if (emailIsFree && customer.email && customer.email !== contact.email) {
      notes.push(`Email changed from ${customer.email} to ${contact.email} by this request.`);
    }
    if (phoneIsFree && customer.phone && customer.phone !== contact.phone) {
      notes.push(`Phone number changed from +${customer.phone} to +${contact.phone} by this request.`);
    }
    await tx.customer.update({
      where: { id: customer.id },
      data: {
        name: contact.name,
        contactPreference: contact.contactPreference,
        ...(emailIsFree ? { email: contact.email } : {}),
        ...(phoneIsFree ? { phone: contact.phone } : {}),
        ...consentFields,
      },
    });
    customerId = customer.id;
  } else {
    const row = await tx.customer.create({
      data: { name: contact.name, email: contact.email, phone: contact.phone, contactPreference: contact.contactPreference, ...consentFields },
      select: { id: true },
    });
    customerId = row.id;
    created = true;
  }

  if (consent) {
    await tx.consentEvent.create({
      data: { customerId, channel: "whatsapp", action: "granted", source: "quote-form", text: contact.consentText, createdAt: contact.at },
    });
  }
  return { customerId, created, notes };
}
