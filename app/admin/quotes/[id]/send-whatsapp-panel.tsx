import { env, whatsappConfig } from "@/lib/env";
import { formatMoney } from "@/lib/format";
import { approvedTemplates } from "@/lib/messages/templates";
import { whatsappEligibility } from "@/lib/messages/whatsapp-eligibility";
import { acceptLinkFor } from "@/lib/quotes/accept-link";
import { SendWhatsAppDialog } from "./send-whatsapp-dialog";
import { SimulateReplyForm } from "./simulate-reply-form";
import { recipientFor } from "@/lib/customers/recipient";
import { getQuoteForWhatsApp } from "@/lib/quotes/queries";

/** The "Send WhatsApp" entry point of a quote, or the reason it cannot be used. */
export async function SendWhatsAppPanel({ quoteId }: { quoteId: string }) {
  const quote = await getQuoteForWhatsApp(quoteId);
  if (!quote) return null;
  // The number this quote was asked from, as the dispatcher will use it.
  const recipient = recipientFor(quote.customer, quote);
  const eligibility = whatsappEligibility(recipient);
  if (!eligibility.ok) {
    return (
      <p className="text-sm text-slate-600" data-testid="whatsapp-unavailable">
        {eligibility.reason}
      </p>
    );
  }
  const templates = await approvedTemplates();
  const firstName = recipient.name.split(/\s+/)[0] ?? recipient.name;
  const time = new Intl.DateTimeFormat(env.BUSINESS_LOCALE, { dateStyle: "medium", timeStyle: "short", timeZone: env.BUSINESS_TIME_ZONE });
  return (
    <div className="space-y-3">
      <SendWhatsAppDialog
        quoteId={quoteId}
        windowOpen={eligibility.windowOpen}
        windowText={
          eligibility.windowOpen && eligibility.windowClosesAt
            ? `The customer wrote in the last 24 hours: free text is allowed until ${time.format(eligibility.windowClosesAt)}.`
            : recipient.lastInboundWhatsAppAt
              ? `The customer last wrote on ${time.format(recipient.lastInboundWhatsAppAt)}, more than 24 hours ago. WhatsApp only allows an approved template until they write again.`
              : "The customer has not written to us on WhatsApp, so WhatsApp only allows an approved template until they do."
        }
        templates={templates}
        suggestedParameters={[firstName, quote.number, formatMoney(quote.quotedAmountCents)]}
        suggestedButton={acceptLinkFor(quote, new Date())?.path}
      />
      {whatsappConfig.mode === "sandbox" ? <SimulateReplyForm quoteId={quoteId} /> : null}
    </div>
  );
}
