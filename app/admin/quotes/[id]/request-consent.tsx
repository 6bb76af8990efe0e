import { consentSourceLabel } from "@/lib/customers/preference-schema";
import type { TQuoteDetail } from "@/lib/quotes/queries";
import { formatDateTime } from "@/lib/format";

/**
 * WhatsApp consent as it counts for this quote's messages (lib/customers/recipient.ts): the
 * consent given on this request; the customer's own consent and opt-out only when the request
 * used the customer's own number.
 */
export function RequestConsent({ quote }: { quote: Pick<TQuoteDetail, "contactPhone" | "whatsappConsentAt" | "customer"> }) {
  const { customer } = quote;
  const customersNumber = quote.contactPhone !== null && quote.contactPhone === customer.phone;
  let consent: string;
  if (quote.whatsappConsentAt) consent = `Given ${formatDateTime(quote.whatsappConsentAt)} on this request`;
  else if (customersNumber && customer.whatsappConsentAt)
    consent = `Not given on this request; the customer agreed ${formatDateTime(customer.whatsappConsentAt)} ${consentSourceLabel(customer.whatsappConsentSource)} for this number`;
  else if (!quote.contactPhone) consent = "No WhatsApp number on this request";
  else consent = "No consent";
  return (
    <span className="flex flex-col gap-0.5">
      <span data-testid="whatsapp-consent">{consent}</span>
      {customersNumber && customer.whatsappOptedOutAt ? (
        <span className="font-medium text-red-700" data-testid="whatsapp-opted-out">
          Opted out {formatDateTime(customer.whatsappOptedOutAt)}: do not message on WhatsApp
        </span>
      ) : null}
    </span>
  );
}
