// Reading a conversation: the customer's inbound messages up to the one the thread showed are
// read for us, and Meta is told, so the customer sees blue ticks.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { getWhatsAppClient } from "@/lib/messages/whatsapp-client";
import type { TMarkThreadSeen } from "@/lib/inbox/schema";

export type TMarkSeenResult = { advanced: boolean; readReceipt: "sent" | "refused" | "not-needed" };

/**
 * Marks the thread read up to `upToMessageId` (an inbound message of this customer). Only moves
 * forward: a thread left open in an older tab cannot make newer messages unread again. When it
 * moved, one read receipt for that message goes to Meta (which marks the earlier ones read too);
 * a refusal is logged and reported, never thrown, since our own read state is already kept.
 */
export async function markThreadSeen(input: TMarkThreadSeen): Promise<TMarkSeenResult> {
  const message = await db.message.findFirst({
    where: { id: input.upToMessageId, customerId: input.customerId, direction: "inbound", channel: "whatsapp" },
    select: { createdAt: true, providerMessageId: true },
  });
  if (!message) throw new AppError("not_found", "This message is not in the customer's conversation.");

  // One conditional update, so two tabs opening the thread at once send one receipt.
  const { count } = await db.customer.updateMany({
    where: { id: input.customerId, OR: [{ inboxSeenAt: null }, { inboxSeenAt: { lt: message.createdAt } }] },
    data: { inboxSeenAt: message.createdAt },
  });
  if (count === 0) return { advanced: false, readReceipt: "not-needed" };
  if (!message.providerMessageId) return { advanced: true, readReceipt: "not-needed" };
  return { advanced: true, readReceipt: await sendReadReceipt(message.providerMessageId) };
}

async function sendReadReceipt(wamid: string): Promise<"sent" | "refused"> {
  try {
    await getWhatsAppClient().markRead(wamid);
    return "sent";
  } catch (error) {
    // Meta refuses receipts for old messages and with a bad token; the inbox works without them.
    log.warn("whatsapp read receipt refused", { wamid, error });
    return "refused";
  }
}
