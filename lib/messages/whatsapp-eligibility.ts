// Whether a customer may be sent a WhatsApp message now, and of which kind. Pure, so the rules
// are unit-tested without a database.
//
// The address is the phone number; a customer known only by a business-scoped user id (BSUID: a
// WhatsApp username without a number) is reached through that id. An opt-out (STOP, or withdrawn
// by staff) stops every business-initiated message; only the one confirming it may still go.
import { formatDateTime } from "@/lib/format";
import { serviceWindow } from "@/lib/whatsapp/window";

export type TWhatsAppRecipient = {
  phone: string | null;
  /** Business-scoped user id, used when there is no phone number. */
  whatsappUserId?: string | null;
  whatsappConsentAt: Date | null;
  whatsappOptedOutAt: Date | null;
  lastInboundWhatsAppAt: Date | null;
};

/** Why WhatsApp cannot be used: a code the pages turn into what to fix, and a sentence. */
export type TIneligibleCode = "no_address" | "opted_out" | "no_consent";

export type TEligibility =
  | { ok: true; windowOpen: boolean; windowClosesAt?: Date; address: string }
  | { ok: false; code: TIneligibleCode; reason: string };

/** Where a WhatsApp message to this customer goes: the number, else the BSUID, else nowhere. */
export function whatsappAddress(customer: Pick<TWhatsAppRecipient, "phone" | "whatsappUserId">): string | null {
  return customer.phone || customer.whatsappUserId || null;
}

export function optedOutReason(optedOutAt: Date): string {
  return `The customer opted out of WhatsApp on ${formatDateTime(optedOutAt)}: WhatsApp messages go to them only after they send START or agree again.`;
}

export function whatsappEligibility(customer: TWhatsAppRecipient, now = new Date()): TEligibility {
  const address = whatsappAddress(customer);
  if (!address) return { ok: false, code: "no_address", reason: "This customer has no WhatsApp number on record." };
  if (customer.whatsappOptedOutAt) return { ok: false, code: "opted_out", reason: optedOutReason(customer.whatsappOptedOutAt) };
  if (!customer.whatsappConsentAt) {
    return {
      ok: false,
      code: "no_consent",
      reason: "This customer has not agreed to be contacted on WhatsApp. Use email, or ask for their consent first.",
    };
  }
  const window = serviceWindow(customer.lastInboundWhatsAppAt, now);
  return { ok: true, windowOpen: window.open, windowClosesAt: window.closesAt, address };
}

export const OUTSIDE_WINDOW_REASON =
  "The customer has not written to us in the last 24 hours, so WhatsApp only allows an approved template. Choose a template instead of free text.";
