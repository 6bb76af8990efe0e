// Which channel an automatic message goes by, decided when it is sent (consent and the 24-hour
// window may have changed since it was queued). Pure, so every case is unit-tested.
//
// The customer's preference decides. WhatsApp needs a number, consent and no opt-out; inside the
// window it sends free text, outside it the event's approved template. When WhatsApp cannot be
// used the message goes by email and says why; with no email either, it fails with the reason.
// The same holds the other way for an email customer without an address.
import { eventLabel } from "@/lib/notifications/events";
import { whatsappEligibility, type TWhatsAppRecipient } from "@/lib/messages/whatsapp-eligibility";

export type TChannelCustomer = TWhatsAppRecipient & { contactPreference: string; email: string | null };

export type TChannelChoice =
  | { channel: "whatsapp"; mode: "text" | "template"; fallbackReason: string | null }
  | { channel: "email"; fallbackReason: string | null }
  | { channel: null; reason: string };

export type TChannelInput = {
  customer: TChannelCustomer;
  event: string;
  /** The event's WhatsApp template, if one is set. */
  templateName: string | null;
  now: Date;
  /** A permanent WhatsApp error met by an earlier attempt: WhatsApp is not tried again. */
  whatsappRefused?: string | null;
  /** Meta said the window is closed (131047) although our clock said open: use the template. */
  windowClosedByMeta?: boolean;
};

function whatsappRoute(input: TChannelInput): { ok: true; mode: "text" | "template" } | { ok: false; reason: string } {
  if (input.whatsappRefused) return { ok: false, reason: input.whatsappRefused };
  const eligibility = whatsappEligibility(input.customer, input.now);
  if (!eligibility.ok) return { ok: false, reason: eligibility.reason };
  if (eligibility.windowOpen && !input.windowClosedByMeta) return { ok: true, mode: "text" };
  if (input.templateName) return { ok: true, mode: "template" };
  return {
    ok: false,
    reason: `The customer's 24-hour WhatsApp window is closed and no WhatsApp template is set for "${eventLabel(input.event)}".`,
  };
}

export function chooseChannel(input: TChannelInput): TChannelChoice {
  const whatsapp = whatsappRoute(input);
  const hasEmail = Boolean(input.customer.email);
  if (input.customer.contactPreference === "whatsapp") {
    if (whatsapp.ok) return { channel: "whatsapp", mode: whatsapp.mode, fallbackReason: null };
    if (hasEmail) return { channel: "email", fallbackReason: whatsapp.reason };
    return { channel: null, reason: `${whatsapp.reason} The customer has no email address to send it to instead.` };
  }
  if (hasEmail) return { channel: "email", fallbackReason: null };
  if (whatsapp.ok) return { channel: "whatsapp", mode: whatsapp.mode, fallbackReason: "The customer prefers email but has no email address." };
  return { channel: null, reason: `The customer has no email address, and WhatsApp cannot be used: ${whatsapp.reason}` };
}
