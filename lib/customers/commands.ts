// Customers as the quote form meets them: found by email, then by phone, or created; their
// contact preference and WhatsApp consent kept up to date, with a consent history.
import type { TTx } from "@/lib/db";
import type { TContactPreference } from "@/lib/quotes/request-schema";

export type TQuoteContact = {
  name: string;
  email: string | null;
  phone: string | null;
  contactPreference: TContactPreference;
  whatsappConsent: boolean;
  consentText: string;
};

export async function findOrCreateCustomerForQuote(tx: TTx, contact: TQuoteContact, now: Date): Promise<{ id: string }> {
  const byEmail = contact.email ? await tx.customer.findUnique({ where: { email: contact.email } }) : null;
  const byPhone = contact.phone ? await tx.customer.findUnique({ where: { phone: contact.phone } }) : null;
  // When the email belongs to one customer and the phone to another, the email wins: it is what
  // they typed to identify themselves. The phone stays with its customer (it is unique) and this
  // quote's customer keeps the number they already had.
  const existing = byEmail ?? byPhone;
  const consent = contact.contactPreference === "whatsapp" && contact.whatsappConsent;
  const consentFields = consent
    ? { whatsappConsentAt: now, whatsappConsentSource: "quote-form", whatsappOptedOutAt: null }
    : {};

  let customerId: string;
  if (existing) {
    const phoneIsFree = !!contact.phone && (!byPhone || byPhone.id === existing.id);
    const emailIsFree = !!contact.email && (!byEmail || byEmail.id === existing.id);
    await tx.customer.update({
      where: { id: existing.id },
      data: {
        name: contact.name,
        contactPreference: contact.contactPreference,
        ...(phoneIsFree ? { phone: contact.phone } : {}),
        ...(emailIsFree && !existing.email ? { email: contact.email } : {}),
        ...consentFields,
      },
    });
    customerId = existing.id;
  } else {
    const created = await tx.customer.create({
      data: { name: contact.name, email: contact.email, phone: contact.phone, contactPreference: contact.contactPreference, ...consentFields },
      select: { id: true },
    });
    customerId = created.id;
  }
  if (consent) {
    await tx.consentEvent.create({
      data: { customerId, channel: "whatsapp", action: "granted", source: "quote-form", text: contact.consentText, createdAt: now },
    });
  }
  return { id: customerId };
}
