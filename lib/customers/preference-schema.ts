// The inputs of the customer page's forms, one schema each for the form (zodResolver) and the
// server action, and the consent state the page shows. Client-safe: the commands that use these
// live in lib/customers/preference.ts.
import { z } from "zod";
import { ZMultilineTextSchema, ZTextSchema } from "@/lib/zod/text";

/** How a customer wants to hear from the business; the quote form asks the same question. */
export const CONTACT_PREFERENCES = ["email", "whatsapp"] as const;
export type TContactPreference = (typeof CONTACT_PREFERENCES)[number];

export const CONTACT_PREFERENCE_LABEL: Record<TContactPreference, string> = { email: "Email", whatsapp: "WhatsApp" };

const customerId = ZTextSchema.min(1, "Choose a customer.");

export const ZChangeContactPreferenceSchema = z.object({
  customerId,
  preference: z.enum(CONTACT_PREFERENCES, { error: "Choose email or WhatsApp." }),
  // The preference the admin was looking at; a change made meanwhile by someone else refuses this one.
  expectedPreference: z.enum(CONTACT_PREFERENCES).optional(),
});
export type TChangeContactPreference = z.infer<typeof ZChangeContactPreferenceSchema>;

export const CONSENT_HOW_LIMIT = 500;

export const ZRecordWhatsAppConsentSchema = z.object({
  customerId,
  // Written into the consent history as the evidence: without it a consent cannot be defended later.
  how: ZMultilineTextSchema.trim()
    .min(5, "Say how the customer agreed, for example “Said yes on a phone call”.")
    .max(CONSENT_HOW_LIMIT, `Keep this under ${CONSENT_HOW_LIMIT} characters.`),
});
export type TRecordWhatsAppConsent = z.infer<typeof ZRecordWhatsAppConsentSchema>;

export const ZWithdrawWhatsAppConsentSchema = z.object({
  customerId,
  note: ZMultilineTextSchema.trim()
    .max(CONSENT_HOW_LIMIT, `Keep the note under ${CONSENT_HOW_LIMIT} characters.`)
    .optional()
    .transform((note) => note || undefined),
});
export type TWithdrawWhatsAppConsentInput = z.input<typeof ZWithdrawWhatsAppConsentSchema>;
export type TWithdrawWhatsAppConsent = z.output<typeof ZWithdrawWhatsAppConsentSchema>;

export type TWhatsAppConsentState = "granted" | "withdrawn" | "none";

/**
 * Whether WhatsApp messages may go to this customer as far as consent goes. A withdrawal wins
 * over an older consent: granting again (the form, an admin) clears the withdrawal.
 */
export function whatsappConsentState(customer: { whatsappConsentAt: Date | null; whatsappOptedOutAt: Date | null }): TWhatsAppConsentState {
  if (customer.whatsappOptedOutAt) return "withdrawn";
  return customer.whatsappConsentAt ? "granted" : "none";
}

const SOURCE_LABEL: Record<string, string> = {
  "quote-form": "on the quote form",
  admin: "recorded by staff",
  "whatsapp-inbound": "by a WhatsApp message",
};

/** Where a consent came from, as a phrase ("on the quote form"); an unknown source is shown as stored. */
export function consentSourceLabel(source: string | null): string {
  if (!source) return "from an unknown source";
  return SOURCE_LABEL[source] ?? `via ${source}`;
}

type TDeliveryFacts = { contactPreference: string; phone: string | null; whatsappUserId?: string | null; whatsappConsentAt: Date | null; whatsappOptedOutAt: Date | null };

/**
 * Why a customer who prefers WhatsApp will still get email (the dispatcher falls back to email
 * without a number or consent), or null when their preference is what they will get.
 */
export function whatsappFallbackReason(customer: TDeliveryFacts): string | null {
  if (customer.contactPreference !== "whatsapp") return null;
  // A customer known only by username is reached through their business-scoped user id.
  if (!customer.phone && !customer.whatsappUserId) return "This customer has no phone number, so messages go by email.";
  const state = whatsappConsentState(customer);
  if (state === "withdrawn") return "The customer withdrew their WhatsApp consent (opted out), so messages go by email until they send START or agree again.";
  if (state === "none") return "Messages go by email until the customer’s WhatsApp consent is recorded.";
  return null;
}
