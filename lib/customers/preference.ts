// Changes an admin makes to how a customer is contacted: their preferred channel and their
// WhatsApp consent. Each is one transaction, guarded by the values it read (`updateMany where`
// those values), so of two admins acting at once one wins and the other is told why. Consent
// changes are written to the customer's consent history (ConsentEvent), with the admin who made
// them.
import "server-only";
import { inTransaction, type TTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import {
  CONTACT_PREFERENCE_LABEL,
  whatsappConsentState,
  whatsappFallbackReason,
  type TChangeContactPreference,
  type TContactPreference,
  type TRecordWhatsAppConsent,
  type TWithdrawWhatsAppConsent,
} from "@/lib/customers/preference-schema";

export {
  ZChangeContactPreferenceSchema,
  ZRecordWhatsAppConsentSchema,
  ZWithdrawWhatsAppConsentSchema,
} from "@/lib/customers/preference-schema";

const CHANGED_MEANWHILE = "Someone else changed this customer a moment ago. Reload the page to see what changed, then try again.";

const CONTACT_FIELDS = {
  id: true,
  email: true,
  phone: true,
  contactPreference: true,
  whatsappConsentAt: true,
  whatsappOptedOutAt: true,
} as const;

async function findCustomer(tx: TTx, customerId: string) {
  const customer = await tx.customer.findUnique({ where: { id: customerId }, select: CONTACT_FIELDS });
  if (!customer) throw new AppError("not_found", "This customer no longer exists.");
  return customer;
}

const label = (preference: string) => (preference === "whatsapp" || preference === "email" ? CONTACT_PREFERENCE_LABEL[preference] : preference);

export type TPreferenceChange = {
  preference: TContactPreference;
  changed: boolean;
  /** Why messages still go by email although WhatsApp is preferred; null when they go as preferred. */
  fallbackReason: string | null;
};

/**
 * Sets the channel the customer wants to hear on. WhatsApp is allowed before consent is recorded
 * (the customer may say so on the phone and agree in writing later); until then the dispatcher
 * sends email, and the result says so.
 */
export function changeContactPreference(input: TChangeContactPreference, actorId: string): Promise<TPreferenceChange> {
  return inTransaction(async (tx) => {
    const customer = await findCustomer(tx, input.customerId);
    if (input.expectedPreference && input.expectedPreference !== customer.contactPreference) {
      throw new AppError(
        "conflict",
        `This customer’s preference was changed while you were looking at it: it is ${label(customer.contactPreference)} now. Reload the page and check before you try again.`,
      );
    }
    const after = { ...customer, contactPreference: input.preference };
    if (customer.contactPreference === input.preference) {
      return { preference: input.preference, changed: false, fallbackReason: whatsappFallbackReason(after) };
    }
    if (input.preference === "whatsapp" && !customer.phone) {
      throw new AppError("invalid_input", "This customer has no phone number, so WhatsApp cannot be their preference. Keep email, or ask them for a number first.");
    }
    if (input.preference === "email" && !customer.email) {
      throw new AppError("invalid_input", "This customer has no email address, so email cannot be their preference. Keep WhatsApp, or ask them for an address first.");
    }
    const { count } = await tx.customer.updateMany({
      where: { id: customer.id, contactPreference: customer.contactPreference },
      data: { contactPreference: input.preference },
    });
    if (count === 0) throw new AppError("conflict", CHANGED_MEANWHILE);
    log.info("customer contact preference changed", { customerId: customer.id, from: customer.contactPreference, to: input.preference, actorId });
    return { preference: input.preference, changed: true, fallbackReason: whatsappFallbackReason(after) };
  });
}

// Matching on the consent columns as read turns a concurrent consent change into count 0.
const consentAsRead = (customer: { id: string; whatsappConsentAt: Date | null; whatsappOptedOutAt: Date | null }) => ({
  id: customer.id,
  whatsappConsentAt: customer.whatsappConsentAt,
  whatsappOptedOutAt: customer.whatsappOptedOutAt,
});

/**
 * Records WhatsApp consent the customer gave outside the quote form (on the phone, in the shop).
 * `how` is kept in the consent history as the evidence. Clears an earlier withdrawal.
 */
export function recordWhatsAppConsent(input: TRecordWhatsAppConsent, actorId: string, now = new Date()): Promise<{ consentAt: Date }> {
  return inTransaction(async (tx) => {
    const customer = await findCustomer(tx, input.customerId);
    if (!customer.phone) {
      throw new AppError("invalid_input", "This customer has no phone number, so they cannot be messaged on WhatsApp. Ask them for a number before recording consent.");
    }
    if (whatsappConsentState(customer) === "granted") {
      throw new AppError("conflict", "WhatsApp consent is already on record for this customer. Reload the page to see it.");
    }
    const { count } = await tx.customer.updateMany({
      where: consentAsRead(customer),
      data: { whatsappConsentAt: now, whatsappConsentSource: "admin", whatsappOptedOutAt: null },
    });
    if (count === 0) throw new AppError("conflict", CHANGED_MEANWHILE);
    await tx.consentEvent.create({
      data: { customerId: customer.id, channel: "whatsapp", action: "granted", source: "admin", text: input.how, actorId, createdAt: now },
    });
    log.info("whatsapp consent recorded", { customerId: customer.id, actorId });
    return { consentAt: now };
  });
}

/**
 * Records that the customer no longer wants WhatsApp messages. Allowed without an earlier
 * consent too: "never message me there" is worth keeping. From then on the dispatcher sends email.
 */
export function withdrawWhatsAppConsent(input: Pick<TWithdrawWhatsAppConsent, "customerId"> & { note?: string }, actorId: string, now = new Date()): Promise<{ optedOutAt: Date }> {
  return inTransaction(async (tx) => {
    const customer = await findCustomer(tx, input.customerId);
    if (whatsappConsentState(customer) === "withdrawn") {
      throw new AppError("conflict", "This customer has already withdrawn WhatsApp consent. Reload the page to see it.");
    }
    const { count } = await tx.customer.updateMany({ where: consentAsRead(customer), data: { whatsappOptedOutAt: now } });
    if (count === 0) throw new AppError("conflict", CHANGED_MEANWHILE);
    await tx.consentEvent.create({
      data: { customerId: customer.id, channel: "whatsapp", action: "withdrawn", source: "admin", text: input.note ?? null, actorId, createdAt: now },
    });
    log.info("whatsapp consent withdrawn", { customerId: customer.id, actorId });
    return { optedOutAt: now };
  });
}
