// Where a message about a quote (or the order made from it) goes. Pure, so the rule is
// unit-tested without a database.
//
// The address, name and preferred channel are the ones the quote was requested with: a public
// form cannot send another quote's messages elsewhere by typing a known email or phone. What the
// customer record knows about WhatsApp belongs to the customer's own number, so it counts only
// when the quote's number is that number: their consent, their opt-out (which no form can undo:
// only an admin recording consent again, or their own START, clears it) and their 24-hour window.
// Their business-scoped user id (a username without a number) is the address of last resort:
// only for a message not about a quote, or when the quote's number is theirs.
export type TContactSnapshot = {
  contactName: string;
  contactEmail: string | null;
  contactPhone: string | null;
  contactPreference: string;
  whatsappConsentAt: Date | null;
};

export type TCustomerContact = {
  name: string;
  email: string | null;
  phone: string | null;
  whatsappUserId?: string | null;
  contactPreference: string;
  whatsappConsentAt: Date | null;
  whatsappOptedOutAt: Date | null;
  lastInboundWhatsAppAt: Date | null;
};

/** The details a message goes to (lib/outbox/channel.ts decides the channel from them). */
export type TRecipient = TCustomerContact;

export function recipientFor(customer: TCustomerContact, quote: TContactSnapshot | null): TRecipient {
  if (!quote) {
    return {
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      whatsappUserId: customer.whatsappUserId ?? null,
      contactPreference: customer.contactPreference,
      whatsappConsentAt: customer.whatsappConsentAt,
      whatsappOptedOutAt: customer.whatsappOptedOutAt,
      lastInboundWhatsAppAt: customer.lastInboundWhatsAppAt,
    };
  }
  const customersNumber = quote.contactPhone !== null && quote.contactPhone === customer.phone;
  return {
    name: quote.contactName,
    email: quote.contactEmail,
    phone: quote.contactPhone,
    whatsappUserId: customersNumber ? (customer.whatsappUserId ?? null) : null,
    contactPreference: quote.contactPreference,
    whatsappConsentAt: customersNumber ? (quote.whatsappConsentAt ?? customer.whatsappConsentAt) : quote.whatsappConsentAt,
    whatsappOptedOutAt: customersNumber ? customer.whatsappOptedOutAt : null,
    lastInboundWhatsAppAt: customersNumber ? customer.lastInboundWhatsAppAt : null,
  };
}

/** The fields to select for `recipientFor`, on a customer and on a quote. */
export const CUSTOMER_CONTACT_SELECT = {
  name: true,
  email: true,
  phone: true,
  whatsappUserId: true,
  contactPreference: true,
  whatsappConsentAt: true,
  whatsappOptedOutAt: true,
  lastInboundWhatsAppAt: true,
} as const;

export const QUOTE_CONTACT_SELECT = {
  contactName: true,
  contactEmail: true,
  contactPhone: true,
  contactPreference: true,
  whatsappConsentAt: true,
} as const;

/** A quote's contact details copied from a customer record (seeds, fixtures, benchmarks). */
export function contactSnapshotOf(customer: Pick<TCustomerContact, "name" | "email" | "phone" | "contactPreference" | "whatsappConsentAt">): TContactSnapshot {
  return {
    contactName: customer.name,
    contactEmail: customer.email ?? null,
    contactPhone: customer.phone ?? null,
    contactPreference: customer.contactPreference,
    whatsappConsentAt: customer.contactPreference === "whatsapp" ? (customer.whatsappConsentAt ?? null) : null,
  };
}
