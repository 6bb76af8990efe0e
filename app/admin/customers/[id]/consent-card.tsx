import { TimelineSection } from "@/components/timeline";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { consentSourceLabel, whatsappConsentState } from "@/lib/customers/preference-schema";
import type { TCustomerDetail } from "@/lib/customers/queries";
import { formatDateTime } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { WHATSAPP_CONSENT_SOURCE } from "@/lib/customers/opt-out-words";
import { RecordConsentDialog } from "./record-consent-dialog";
import { WithdrawConsentDialog } from "./withdraw-consent-dialog";

const STATE = {
  granted: { label: "Consent given", tone: "success" },
  withdrawn: { label: "Opted out", tone: "danger" },
  none: { label: "No consent", tone: "warning" },
} as const;

/** WhatsApp consent as it stands, the buttons that change it, and the history behind it. */
export function ConsentCard({ customer }: { customer: TCustomerDetail }) {
  const state = whatsappConsentState(customer);
  return (
    <Card aria-labelledby="consent-heading">
      <CardHeader>
        <CardTitle id="consent-heading">WhatsApp consent</CardTitle>
        <Badge tone={STATE[state].tone} data-testid="consent-state">
          {STATE[state].label}
        </Badge>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-sm text-slate-700" data-testid="consent-summary">
          {state === "granted"
            ? `Agreed ${formatDateTime(customer.whatsappConsentAt)}, ${consentSourceLabel(customer.whatsappConsentSource)}.`
            : state === "withdrawn"
              ? optedOutSummary(customer)
              : "The customer has not agreed to WhatsApp messages."}
        </p>
        {customer.phone ? (
          <div className="flex flex-wrap gap-2">
            {state !== "granted" ? (
              <RecordConsentDialog customerId={customer.id} customerName={customer.name} phone={formatPhone(customer.phone)} again={state === "withdrawn"} />
            ) : null}
            {state !== "withdrawn" ? <WithdrawConsentDialog customerId={customer.id} customerName={customer.name} hasConsent={state === "granted"} /> : null}
          </div>
        ) : (
          <p className="text-sm text-slate-500">No phone number on record, so there is nothing to message on WhatsApp.</p>
        )}
        <ConsentHistory events={customer.consentEvents} />
      </CardContent>
    </Card>
  );
}

/** When and how the customer opted out, and what that means for the messages they get. */
function optedOutSummary(customer: TCustomerDetail): string {
  const withdrawal = customer.consentEvents.find((event) => event.channel === "whatsapp" && event.action === "withdrawn");
  const how = withdrawal?.source === WHATSAPP_CONSENT_SOURCE ? " by sending STOP on WhatsApp" : withdrawal?.actor ? ` (recorded by ${withdrawal.actor.name})` : "";
  return `Opted out of WhatsApp on ${formatDateTime(customer.whatsappOptedOutAt)}${how}: no WhatsApp messages go to them, automatic messages go by email${
    customer.email ? "" : " (there is no email address, so they fail)"
  }. Their START on WhatsApp opts them back in.`;
}

const ACTION_LABEL: Record<string, string> = { granted: "Consent given", withdrawn: "Consent withdrawn" };
const CHANNEL_LABEL: Record<string, string> = { whatsapp: "WhatsApp", email: "Email" };

function ConsentHistory({ events }: { events: TCustomerDetail["consentEvents"] }) {
  return (
    <TimelineSection
      heading="History"
      empty="No consent history yet."
      testId="consent-history"
      entries={events.map((event) => ({
        id: event.id,
        title: `${CHANNEL_LABEL[event.channel] ?? event.channel}: ${ACTION_LABEL[event.action] ?? event.action}`,
        meta: `${formatDateTime(event.createdAt)} · ${consentSourceLabel(event.source)}${event.actor ? ` · by ${event.actor.name}` : ""}`,
        // For the quote form this is the sentence the customer agreed to; for staff, how they agreed.
        text: event.text ? `“${event.text}”` : null,
      }))}
    />
  );
}
