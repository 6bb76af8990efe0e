// Details a quote request brought that differ from the customer's record ("New phone offered on
// Q-2026-0042: +27 82 123 4567"), each with Apply / Ignore. Shown on the quote and the customer
// page; nothing about the customer changes until an admin applies one.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { OfferDecision } from "@/components/offer-decision";
import { contactFieldLabel, contactFieldValue } from "@/lib/customers/contact-fields";
import type { TOpenOffer } from "@/lib/customers/queries";
import { formatDateTime } from "@/lib/format";

type TProps = {
  /** Already filtered with pendingOffers: offers the record has since caught up with are left out. */
  offers: readonly TOpenOffer[];
  /** On the customer page each offer links its quote; on the quote page it is the page itself. */
  linkQuotes: boolean;
};

export function ContactOffers({ offers, linkQuotes }: TProps) {
  if (offers.length === 0) return null;
  return (
    <Alert tone="warning" className="space-y-3" data-testid="contact-offers">
      <p className="font-medium">
        {offers.length === 1 ? "A quote request offered a new contact detail." : `Quote requests offered ${offers.length} new contact details.`} The customer record
        stays as it is until you apply one.
      </p>
      <ul className="space-y-3" aria-label="Offered contact details">
        {offers.map((offer) => {
          const what = `new ${contactFieldLabel(offer.field)}`;
          return (
            <li key={offer.id} className="space-y-2 rounded-md border border-amber-200 bg-white/70 p-3" data-testid="contact-offer">
              <p className="break-words text-slate-900">
                New {contactFieldLabel(offer.field)} offered on{" "}
                {linkQuotes ? (
                  <Link href={`/admin/quotes/${offer.quote.id}`} className="font-medium text-brand-700 hover:underline">
                    {offer.quote.number}
                  </Link>
                ) : (
                  <span className="font-medium">{offer.quote.number}</span>
                )}
                : <span className="font-medium">{contactFieldValue(offer.field, offer.value)}</span>
              </p>
              <p className="text-xs text-slate-600">Received {formatDateTime(offer.createdAt)}</p>
              <OfferDecision offerId={offer.id} what={what} />
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}
