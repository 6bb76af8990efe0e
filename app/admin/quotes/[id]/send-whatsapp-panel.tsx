import { env, whatsappConfig } from "@/lib/env";
import { templateChoices } from "@/lib/messages/templates";
import { whatsappEligibility } from "@/lib/messages/whatsapp-eligibility";
import { listNotificationSettings } from "@/lib/notifications/settings";
import { acceptLinkFor } from "@/lib/quotes/accept-link";
import { quoteTemplateSuggestions } from "@/lib/quotes/template-suggestions";
import { defaultTemplateKey } from "@/lib/templates/choices";
import { recentTemplateSends } from "@/lib/templates/queries";
import { SendWhatsAppDialog } from "./send-whatsapp-dialog";
import { SimulateReplyForm } from "./simulate-reply-form";
import { recipientFor } from "@/lib/customers/recipient";
import { getQuoteForWhatsApp } from "@/lib/quotes/queries";

const HOUR_MS = 3_600_000;

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
  const now = new Date();
  const [templates, settings, recentSends] = await Promise.all([
    templateChoices(),
    listNotificationSettings(),
    recentTemplateSends(quote.customerId, new Date(now.getTime() - HOUR_MS)),
  ]);
  // A quote's own template is the one its answer goes out with.
  const answered = settings.find((setting) => setting.event === "quote.answered");
  const defaultKey = templates.ok ? defaultTemplateKey(templates.templates, answered ? { name: answered.templateName, language: answered.templateLanguage } : null) : "";
  const suggested = quoteTemplateSuggestions(recipient.name, quote);
  const time = new Intl.DateTimeFormat(env.BUSINESS_LOCALE, { dateStyle: "medium", timeStyle: "short", timeZone: env.BUSINESS_TIME_ZONE });
  const clock = new Intl.DateTimeFormat(env.BUSINESS_LOCALE, { timeStyle: "short", timeZone: env.BUSINESS_TIME_ZONE });
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
        defaultTemplateKey={defaultKey}
        recentSends={Object.fromEntries(Object.entries(recentSends).map(([key, at]) => [key, clock.format(new Date(at))]))}
        suggestedParameters={suggested.positional}
        suggestedNamed={suggested.named}
        suggestedButton={acceptLinkFor(quote, now)?.path}
      />
      {whatsappConfig.mode === "sandbox" ? <SimulateReplyForm quoteId={quoteId} /> : null}
    </div>
  );
}
