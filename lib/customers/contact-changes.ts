// An admin's changes to who a customer is and how to reach them: editing the name, email and
// phone, applying or ignoring a detail a quote request offered, merging two records. Each is one
// transaction, written to the customer's history with the admin who made it. Email and phone
// stay unique: a detail another customer holds is refused with the way out (merge them).
import "server-only";
import { inTransaction, type TTx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { normalizePhone } from "@/lib/phone";
import { refreshCustomerOrdersSearchText, refreshQuoteSearchText } from "@/lib/search-text";
import { mergeCustomers, type TMergeResult } from "@/lib/customers/merge";
import type { TOfferField } from "@/lib/customers/commands";
import type { TEditCustomerDetails, TMergeCustomers, TResolveContactOffer } from "@/lib/customers/contact-schema";

type TField = TOfferField;

const FIELD_LABEL: Record<TField, string> = { name: "name", email: "email", phone: "phone number", contactPreference: "contact preference" };

const CUSTOMER_FIELDS = { id: true, name: true, email: true, phone: true, contactPreference: true } as const;
type TCustomerRow = { id: string; name: string; email: string | null; phone: string | null; contactPreference: string };

async function findCustomer(tx: TTx, customerId: string): Promise<TCustomerRow> {
  const customer = await tx.customer.findUnique({ where: { id: customerId }, select: CUSTOMER_FIELDS });
  if (!customer) throw new AppError("not_found", "This customer no longer exists.");
  return customer;
}

async function refuseIfHeld(tx: TTx, customerId: string, field: "email" | "phone", value: string): Promise<void> {
  const holder = await tx.customer.findFirst({ where: { [field]: value, id: { not: customerId } }, select: { name: true } });
  if (holder) {
    const shown = field === "phone" ? `+${value}` : value;
    throw new AppError("conflict", `${holder.name} already has the ${FIELD_LABEL[field]} ${shown}. If they are the same person, merge the two customers instead.`);
  }
}

type TChange = { field: TField; to: string | null; kind: "edited" | "offer_applied"; quoteId?: string; actorId: string; now: Date };

/**
 * Writes one detail and its history entry. A new email or phone is no longer verified, and the
 * customer's quotes that were using the old one follow it: the admin is saying "this is how to
 * reach them now". Returns false when the value is already the stored one.
 */
async function changeField(tx: TTx, customer: TCustomerRow, change: TChange): Promise<boolean> {
  const from = customer[change.field];
  if (from === change.to) return false;
  if ((change.field === "email" || change.field === "phone") && change.to) await refuseIfHeld(tx, customer.id, change.field, change.to);
  if (change.field === "contactPreference" && change.to === "whatsapp" && !customer.phone) {
    throw new AppError("invalid_input", "This customer has no phone number, so WhatsApp cannot be their preference. Apply or enter a phone number first.");
  }
  if (change.field === "contactPreference" && change.to === "email" && !customer.email) {
    throw new AppError("invalid_input", "This customer has no email address, so email cannot be their preference. Apply or enter an address first.");
  }

  const { count } = await tx.customer.updateMany({
    where: { id: customer.id, [change.field]: from },
    data: {
      [change.field]: change.to,
      ...(change.field === "email" ? { emailVerifiedAt: null } : {}),
      // The 24-hour window and the proof belong to the old number.
      ...(change.field === "phone" ? { phoneVerifiedAt: null, lastInboundWhatsAppAt: null } : {}),
    },
  });
  if (count === 0) throw new AppError("conflict", "Someone else changed this customer a moment ago. Reload the page to see what changed, then try again.");
  if (from && (change.field === "email" || change.field === "phone")) await moveQuotesContact(tx, customer.id, change.field, from, change.to);
  // An order's search text holds the customer's name and its quote's contact details.
  if (change.field !== "contactPreference") await refreshCustomerOrdersSearchText(tx, customer.id);
  if (change.field === "contactPreference") {
    // Only quotes asked with the customer's own address or number follow their preference.
    const own = change.to === "whatsapp" ? { contactPhone: customer.phone } : { contactEmail: customer.email };
    await tx.quote.updateMany({ where: { customerId: customer.id, ...own }, data: { contactPreference: change.to! } });
  }
  await tx.customerEvent.create({
    data: { customerId: customer.id, kind: change.kind, field: change.field, fromValue: from, toValue: change.to, quoteId: change.quoteId ?? null, actorId: change.actorId, createdAt: change.now },
  });
  customer[change.field] = change.to as never;
  return true;
}

/** The customer's quotes asked with the old address or number take the new one, and are found by it. */
async function moveQuotesContact(tx: TTx, customerId: string, field: "email" | "phone", from: string, to: string | null): Promise<void> {
  const column = field === "email" ? "contactEmail" : "contactPhone";
  const quotes = await tx.quote.findMany({ where: { customerId, [column]: from }, select: { id: true } });
  const ids = quotes.map((quote) => quote.id);
  if (ids.length === 0) return;
  await tx.quote.updateMany({ where: { id: { in: ids } }, data: { [column]: to } });
  await refreshQuoteSearchText(tx, ids);
}

/** Saves the edited name, email and phone; returns which of them changed. */
export async function editCustomerDetails(input: TEditCustomerDetails, actorId: string, now = new Date()): Promise<{ changed: TField[] }> {
  const email = input.email ? input.email.toLowerCase() : null;
  const phone = input.phone ? normalizePhone(input.phone, env.DEFAULT_PHONE_REGION) : null;
  if (input.phone && !phone) {
    throw new AppError("invalid_input", "Enter a valid phone number, e.g. 082 123 4567 or +27 82 123 4567.");
  }
  return inTransaction(async (tx) => {
    const customer = await findCustomer(tx, input.customerId);
    if (!email && !phone) throw new AppError("invalid_input", "Keep an email address or a phone number, so the customer can be reached.");
    if (!email && customer.contactPreference === "email") throw new AppError("invalid_input", "This customer prefers email: keep an address, or change their preference first.");
    if (!phone && customer.contactPreference === "whatsapp") throw new AppError("invalid_input", "This customer prefers WhatsApp: keep a number, or change their preference first.");
    const changed: TField[] = [];
    for (const [field, to] of [["name", input.name], ["email", email], ["phone", phone]] as const) {
      if (await changeField(tx, customer, { field, to, kind: "edited", actorId, now })) changed.push(field);
    }
    return { changed };
  });
}

/** Applies or ignores a detail a quote request offered. Acting twice is refused with the state. */
export function resolveContactOffer(input: TResolveContactOffer, actorId: string, now = new Date()): Promise<{ customerId: string; quoteId: string }> {
  return inTransaction(async (tx) => {
    const offer = await tx.contactOffer.findUnique({ where: { id: input.offerId }, select: { id: true, customerId: true, quoteId: true, field: true, value: true, status: true } });
    if (!offer) throw new AppError("not_found", "This offered detail no longer exists. Reload the page.");
    if (offer.status !== "open") throw new AppError("conflict", `This offered detail was already ${offer.status}. Reload the page to see it.`);
    const { count } = await tx.contactOffer.updateMany({
      where: { id: offer.id, status: "open" },
      data: { status: input.decision === "apply" ? "applied" : "ignored", resolvedById: actorId, resolvedAt: now },
    });
    if (count === 0) throw new AppError("conflict", "Someone else decided on this offered detail a moment ago. Reload the page.");
    const field = offer.field as TField;
    if (input.decision === "apply") {
      const customer = await findCustomer(tx, offer.customerId);
      await changeField(tx, customer, { field, to: offer.value, kind: "offer_applied", quoteId: offer.quoteId, actorId, now });
    } else {
      await tx.customerEvent.create({
        data: { customerId: offer.customerId, kind: "offer_ignored", field, toValue: offer.value, quoteId: offer.quoteId, actorId, createdAt: now },
      });
    }
    return { customerId: offer.customerId, quoteId: offer.quoteId };
  });
}

/** An admin's merge: the second customer's quotes, orders, messages and history move to the first. */
export function mergeCustomersByAdmin(input: TMergeCustomers, actorId: string): Promise<TMergeResult> {
  return inTransaction((tx) => mergeCustomers(tx, { ...input, actorId, reason: "" }));
}
