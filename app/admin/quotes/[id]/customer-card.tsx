// The quote's customer: the contact details THIS request was made with (where everything about
// the quote goes, lib/customers/recipient.ts), the customer's own details when they differ, and
// the details this request offered for the customer's record, with Apply / Ignore.
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ContactOffers } from "@/components/contact-offers";
import { ContactPreference } from "@/components/contact-preference";
import { ContactDetails, Detail } from "@/components/detail";
import { pendingOffers } from "@/lib/customers/queries";
import type { TQuoteDetail } from "@/lib/quotes/queries";
import { RequestConsent } from "./request-consent";
import { SendWhatsAppPanel } from "./send-whatsapp-panel";

const SUBHEADING = "text-sm font-semibold text-slate-800";

export function CustomerCard({ quote }: { quote: TQuoteDetail }) {
  const { customer } = quote;
  const customerHref = `/admin/customers/${customer.id}`;
  const differs =
    quote.contactName !== customer.name ||
    quote.contactEmail !== customer.email ||
    quote.contactPhone !== customer.phone ||
    quote.contactPreference !== customer.contactPreference;
  // A proof belongs to an address or number: the customer's counts here only when it is the same one.
  const verified = {
    email: quote.emailVerifiedAt ?? (quote.contactEmail && quote.contactEmail === customer.email ? customer.emailVerifiedAt : null),
    phone: quote.contactPhone && quote.contactPhone === customer.phone ? customer.phoneVerifiedAt : null,
  };
  return (
    <Card aria-labelledby="customer-heading">
      <CardHeader>
        <CardTitle id="customer-heading">Customer</CardTitle>
        <Link href={customerHref} className="text-sm font-medium text-brand-700 hover:underline">
          Customer page →
        </Link>
      </CardHeader>
      <CardContent className="space-y-5">
        <ContactOffers offers={pendingOffers(customer, quote.contactOffers)} linkQuotes={false} />
        <section aria-labelledby="request-contact-heading" className="space-y-3" data-testid="request-contact">
          <h3 id="request-contact-heading" className={SUBHEADING}>
            On this request
          </h3>
          <dl className="grid grid-cols-2 gap-4">
            <Detail label="Name">{quote.contactName}</Detail>
            <Detail label="Prefers">
              <ContactPreference preference={quote.contactPreference} />
            </Detail>
            <ContactDetails email={quote.contactEmail} phone={quote.contactPhone} verified={verified} />
            <Detail label="WhatsApp consent" wide>
              <RequestConsent quote={quote} />
            </Detail>
          </dl>
        </section>
        {differs ? (
          <section aria-labelledby="customer-record-heading" className="space-y-3 border-t border-slate-100 pt-4" data-testid="customer-record">
            <h3 id="customer-record-heading" className={SUBHEADING}>
              The customer’s own details
            </h3>
            <p className="text-xs text-slate-500">Messages about this quote go to the details above, as requested; the customer’s other quotes and orders use their own.</p>
            <dl className="grid grid-cols-2 gap-4">
              <Detail label="Name">
                <Link href={customerHref} className="font-medium text-brand-700 hover:underline">
                  {customer.name}
                </Link>
              </Detail>
              <Detail label="Prefers">
                <ContactPreference preference={customer.contactPreference} />
              </Detail>
              <ContactDetails email={customer.email} phone={customer.phone} verified={{ email: customer.emailVerifiedAt, phone: customer.phoneVerifiedAt }} />
            </dl>
          </section>
        ) : null}
        <SendWhatsAppPanel quoteId={quote.id} />
      </CardContent>
    </Card>
  );
}
