// Telling Meta that we read a customer's WhatsApp message (the customer sees blue ticks), once per
// message: `readReceiptSentAt` is claimed in one conditional update before the call, so two tabs
// or two instances send one receipt; a refusal gives the claim back so a later try may succeed.
import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { getWhatsAppClient } from "@/lib/messages/whatsapp-client";
import type { TWhatsAppClient } from "@/lib/whatsapp/client";

/** sent: Meta took it now; already_sent: an earlier call did; refused: Meta said no (logged); not_whatsapp: no such inbound WhatsApp message. */
export type TReadReceipt = "sent" | "already_sent" | "refused" | "not_whatsapp";

export async function markInboundRead(messageId: string, options: { client?: TWhatsAppClient; now?: Date } = {}): Promise<TReadReceipt> {
  const now = options.now ?? new Date();
  const where = { id: messageId, direction: "inbound", channel: "whatsapp", providerMessageId: { not: null } };
  const message = await db.message.findFirst({ where, select: { providerMessageId: true, readReceiptSentAt: true } });
  if (!message?.providerMessageId) return "not_whatsapp";
  const { count } = await db.message.updateMany({ where: { ...where, readReceiptSentAt: null }, data: { readReceiptSentAt: now } });
  if (count === 0) return "already_sent";
  try {
    await (options.client ?? getWhatsAppClient()).markRead(message.providerMessageId);
    return "sent";
  } catch (error) {
    // Meta refuses receipts for old messages and with a bad token; reading works without them.
    await db.message.updateMany({ where: { id: messageId, readReceiptSentAt: now }, data: { readReceiptSentAt: null } });
    log.warn("whatsapp read receipt refused", { messageId, error });
    return "refused";
  }
}
