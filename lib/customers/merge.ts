// Joins two customer records that are one person: an admin's merge, or WhatsApp proving that a
// username-only writer and a customer known by phone are the same. Everything of the merged
// record moves to the kept one (quotes, orders, messages, consent and customer history, contact
// offers), the kept one gains the identifiers it lacked, and the merge is written down on it.
import "server-only";
import type { TTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { CUSTOMER_CONTACT_SELECT } from "@/lib/customers/recipient";
import { refreshCustomerOrdersSearchText } from "@/lib/search-text";

export type TMergeInput = {
  keepId: string;
  mergeId: string;
  /** The admin who merged; null when the system joined them (WhatsApp proved it). */
  actorId: string | null;
  reason: string;
};

export type TMergeResult = { quotes: number; orders: number; messages: number; note: string };

const MERGE_FIELDS = {
  id: true,
  ...CUSTOMER_CONTACT_SELECT,
  whatsappUserId: true,
  whatsappUsername: true,
  whatsappConsentSource: true,
  phoneVerifiedAt: true,
  emailVerifiedAt: true,
} as const;

const later = (a: Date | null, b: Date | null) => (!a ? b : !b ? a : a > b ? a : b);

/** Runs inside the caller's transaction, so a merge is whole or not at all. */
export async function mergeCustomers(tx: TTx, input: TMergeInput): Promise<TMergeResult> {
  if (input.keepId === input.mergeId) throw new AppError("invalid_input", "Choose two different customers to merge.");
  const keep = await tx.customer.findUnique({ where: { id: input.keepId }, select: MERGE_FIELDS });
  const merge = await tx.customer.findUnique({ where: { id: input.mergeId }, select: MERGE_FIELDS });
  if (!keep || !merge) throw new AppError("not_found", "One of these customers no longer exists. Reload the page and try again.");

  const where = { customerId: merge.id };
  const data = { customerId: keep.id };
  // One statement at a time: an interactive transaction runs them in order on one connection anyway.
  const quotes = await tx.quote.updateMany({ where, data });
  const orders = await tx.order.updateMany({ where, data });
  const messages = await tx.message.updateMany({ where, data });
  await tx.consentEvent.updateMany({ where, data });
  await tx.customerEvent.updateMany({ where, data });
  await tx.contactOffer.updateMany({ where, data });

  // Identifiers are unique: free them on the merged record before the kept one takes them.
  await tx.customer.update({ where: { id: merge.id }, data: { email: null, phone: null, whatsappUserId: null } });
  const takes = (field: "email" | "phone" | "whatsappUserId") => !keep[field] && !!merge[field];
  const optedOut = later(keep.whatsappOptedOutAt, merge.whatsappOptedOutAt);
  const consent = later(keep.whatsappConsentAt, merge.whatsappConsentAt);
  await tx.customer.update({
    where: { id: keep.id },
    data: {
      ...(takes("email") ? { email: merge.email, emailVerifiedAt: merge.emailVerifiedAt } : {}),
      ...(takes("phone") ? { phone: merge.phone, phoneVerifiedAt: merge.phoneVerifiedAt } : {}),
      ...(takes("whatsappUserId") ? { whatsappUserId: merge.whatsappUserId } : {}),
      ...(!keep.whatsappUsername && merge.whatsappUsername ? { whatsappUsername: merge.whatsappUsername } : {}),
      // An opt-out on either record stands unless consent was given after it.
      whatsappOptedOutAt: optedOut && consent && consent > optedOut ? null : optedOut,
      whatsappConsentAt: consent,
      whatsappConsentSource: consent === keep.whatsappConsentAt ? keep.whatsappConsentSource : merge.whatsappConsentSource,
      lastInboundWhatsAppAt: later(keep.lastInboundWhatsAppAt, merge.lastInboundWhatsAppAt),
    },
  });
  await tx.customer.delete({ where: { id: merge.id } });
  // The moved orders are found by the kept customer's name from now on.
  if (orders.count > 0) await refreshCustomerOrdersSearchText(tx, keep.id);

  const identifiers = [merge.email, merge.phone ? `+${merge.phone}` : null, merge.whatsappUserId].filter(Boolean).join(", ") || "no contact details";
  const dropped = [
    merge.email && keep.email && merge.email !== keep.email ? `email ${merge.email}` : null,
    merge.phone && keep.phone && merge.phone !== keep.phone ? `phone +${merge.phone}` : null,
  ].filter(Boolean);
  const note = [
    `Merged ${merge.name} (${identifiers}) into this customer: ${quotes.count} quote(s), ${orders.count} order(s), ${messages.count} message(s) moved.`,
    dropped.length ? `Kept this customer's own details; the merged ${dropped.join(" and ")} remain on their quotes.` : null,
    input.reason,
  ]
    .filter(Boolean)
    .join(" ");
  await tx.customerEvent.create({ data: { customerId: keep.id, kind: "merged", note, actorId: input.actorId } });
  return { quotes: quotes.count, orders: orders.count, messages: messages.count, note };
}
