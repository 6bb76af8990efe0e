// Who wrote an inbound WhatsApp: the customer with that phone number or business-scoped user id
// (BSUID), created when new. Writing proves the number (phoneVerifiedAt, once) and opens the
// 24-hour window. A message that carries both identifiers can show that two records are one
// person (first a username only, later the quote form with her phone): they are merged.
import "server-only";
import type { TTx } from "@/lib/db";
import { mergeCustomers } from "@/lib/customers/merge";
import type { TWebhookEvent } from "@/lib/whatsapp/webhook";

type TInboundEvent = Extract<TWebhookEvent, { type: "message" }>;

const WRITER_FIELDS = { id: true, phone: true, whatsappUserId: true, whatsappUsername: true, lastInboundWhatsAppAt: true, phoneVerifiedAt: true } as const;

async function findWriter(tx: TTx, event: TInboundEvent) {
  const byPhone = event.from ? await tx.customer.findUnique({ where: { phone: event.from }, select: WRITER_FIELDS }) : null;
  const byUserId = event.userId ? await tx.customer.findUnique({ where: { whatsappUserId: event.userId }, select: WRITER_FIELDS }) : null;
  if (byPhone && byUserId && byPhone.id !== byUserId.id) {
    // Meta says this number and this user id are one person. The record with the phone keeps
    // the quotes and orders the form made; the username-only one joins it.
    await mergeCustomers(tx, {
      keepId: byPhone.id,
      mergeId: byUserId.id,
      actorId: null,
      reason: `A WhatsApp message came from +${event.from} with the user id ${event.userId}, which the other record had.`,
    });
    return tx.customer.findUniqueOrThrow({ where: { id: byPhone.id }, select: WRITER_FIELDS });
  }
  return byPhone ?? byUserId;
}

/** The writer's customer id, after recording what this message proves about them. */
export async function touchWhatsAppWriter(tx: TTx, event: TInboundEvent, now: Date): Promise<string> {
  const existing = await findWriter(tx, event);
  if (!existing) {
    const created = await tx.customer.create({
      data: {
        name: event.profileName ?? (event.from ? `+${event.from}` : (event.username ?? "WhatsApp user")),
        phone: event.from ?? null,
        whatsappUserId: event.userId ?? null,
        whatsappUsername: event.username ?? null,
        contactPreference: "whatsapp",
        lastInboundWhatsAppAt: event.timestamp,
        phoneVerifiedAt: event.from ? now : null,
      },
      select: { id: true },
    });
    return created.id;
  }
  const later = !existing.lastInboundWhatsAppAt || existing.lastInboundWhatsAppAt < event.timestamp;
  // Only fill what is missing: findWriter saw no other record holding these, so they are free.
  const phone = existing.phone ?? event.from ?? null;
  // The number it came from is proven; without one (a username), the BSUID match proves the
  // number Meta linked to that user id.
  const verifies = !!phone && !existing.phoneVerifiedAt && (!event.from || event.from === phone);
  await tx.customer.update({
    where: { id: existing.id },
    data: {
      ...(later ? { lastInboundWhatsAppAt: event.timestamp } : {}),
      ...(!existing.phone && event.from ? { phone: event.from } : {}),
      ...(!existing.whatsappUserId && event.userId ? { whatsappUserId: event.userId } : {}),
      // A username can change; the newest message has the current one.
      ...(later && event.username && event.username !== existing.whatsappUsername ? { whatsappUsername: event.username } : {}),
      ...(verifies ? { phoneVerifiedAt: now } : {}),
    },
  });
  if (verifies) {
    await tx.customerEvent.create({
      data: { customerId: existing.id, kind: "verified", field: "phone", toValue: phone, note: "Wrote to us on WhatsApp from this number.", createdAt: now },
    });
  }
  return existing.id;
}
