// Whether sending a failed message again can succeed now, and if not, what to fix first. Retry
// starts a new run, so the rule is the dispatcher's own for a first try (lib/outbox/channel.ts for
// an automatic message, the WhatsApp eligibility for one written by hand): a message with no
// channel left (no consent and no email, opted out with no email…) would only fail again.
// Pure, so every case is unit-tested.
import { chooseChannel, type TChannelCustomer } from "@/lib/outbox/channel";
import { isOptOutConfirmation } from "@/lib/customers/opt-out-words";
import { whatsappAddress, whatsappEligibility, type TEligibility } from "@/lib/messages/whatsapp-eligibility";

export type TSendAgainMessage = { event: string | null; origin: string; channel: string };

export type TSendAgainVerdict = { possible: true } | { possible: false; reason: string; fix: string };

type TBlocked = Extract<TEligibility, { ok: false }>;

/** What the admin can do about WhatsApp being unusable, with or without an email to fall back on. */
function whatsappFix(blocked: TBlocked, emailHelps: boolean): string {
  const orEmail = emailHelps ? "Add an email address" : null;
  switch (blocked.code) {
    case "no_address":
      return orEmail ? `${orEmail} or a WhatsApp number for this customer.` : "Add the customer's WhatsApp number.";
    case "no_consent":
      return orEmail ? `${orEmail} or get WhatsApp consent (record it on the customer's page).` : "Get the customer's WhatsApp consent first (record it on the customer's page).";
    case "opted_out":
      return orEmail
        ? `${orEmail}: the customer opted out of WhatsApp, and only their START (or new consent) lets WhatsApp messages go again.`
        : "Wait for the customer to send START, or record their new consent on the customer's page.";
  }
}

export function sendAgainVerdict(message: TSendAgainMessage, customer: TChannelCustomer, templateName: string | null, now = new Date()): TSendAgainVerdict {
  if (message.event) {
    const choice = chooseChannel({ customer, event: message.event, templateName, now });
    if (choice.channel !== null) return { possible: true };
    const eligibility = whatsappEligibility(customer, now);
    const fix = eligibility.ok
      ? `Add an email address, or set a WhatsApp template for this message in Settings → Notifications.`
      : whatsappFix(eligibility, true);
    return { possible: false, reason: choice.reason, fix };
  }
  if (message.channel !== "whatsapp") return { possible: false, reason: "Messages written by an admin are sent by WhatsApp only.", fix: "Write the customer a new message." };
  // The confirmation of an opt-out goes to an opted-out customer by design; it needs an address only.
  if (isOptOutConfirmation(message.origin)) {
    return whatsappAddress(customer) ? { possible: true } : { possible: false, reason: "This customer has no WhatsApp number on record.", fix: "Add the customer's WhatsApp number." };
  }
  const eligibility = whatsappEligibility(customer, now);
  return eligibility.ok ? { possible: true } : { possible: false, reason: eligibility.reason, fix: whatsappFix(eligibility, false) };
}
