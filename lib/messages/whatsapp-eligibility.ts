// Whether a customer may be sent a WhatsApp message now, and of which kind. Pure, so the rules
// are unit-tested without a database.
import { serviceWindow } from "@/lib/whatsapp/window";

export type TWhatsAppRecipient = {
  phone: string | null;
  whatsappConsentAt: Date | null;
  whatsappOptedOutAt: Date | null;
  lastInboundWhatsAppAt: Date | null;
};

export type TEligibility =
  | { ok: true; windowOpen: boolean; windowClosesAt?: Date }
  | { ok: false; reason: string };

export function whatsappEligibility(customer: TWhatsAppRecipient, now = new Date()): TEligibility {
  if (!customer.phone) return { ok: false, reason: "This customer has no WhatsApp number on record." };
  if (customer.whatsappOptedOutAt) {
    return { ok: false, reason: "This customer asked not to be messaged on WhatsApp. Use email instead." };
  }
  if (!customer.whatsappConsentAt) {
    return {
      ok: false,
      reason: "This customer has not agreed to be contacted on WhatsApp. Use email, or ask for their consent first.",
    };
  }
  const window = serviceWindow(customer.lastInboundWhatsAppAt, now);
  return { ok: true, windowOpen: window.open, windowClosesAt: window.closesAt };
}

export const OUTSIDE_WINDOW_REASON =
  "The customer has not written to us in the last 24 hours, so WhatsApp only allows an approved template. Choose a template instead of free text.";
