// Reading a conversation: the customer's inbound messages up to the one the thread showed are
// read for us, and Meta is told, so the customer sees blue ticks.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { markInboundRead, type TReadReceipt } from "@/lib/messages/mark-read";
import type { TMarkThreadSeen } from "@/lib/inbox/schema";

export type TMarkSeenResult = { advanced: boolean; readReceipt: TReadReceipt };

/**
 * Marks the thread read up to `upToMessageId` (an inbound message of this customer). Only moves
 * forward: a thread left open in an older tab cannot make newer messages unread again. Then one
 * read receipt for that message goes to Meta (which marks the earlier ones read too), once per
 * message (lib/messages/mark-read.ts); a refusal is logged and reported, never thrown, since our
 * own read state is already kept, and the next opening tries again.
 */
export async function markThreadSeen(input: TMarkThreadSeen): Promise<TMarkSeenResult> {
  const message = await db.message.findFirst({
    where: { id: input.upToMessageId, customerId: input.customerId, direction: "inbound", channel: "whatsapp" },
    select: { createdAt: true },
  });
  if (!message) throw new AppError("not_found", "This message is not in the customer's conversation.");

  const { count } = await db.customer.updateMany({
    where: { id: input.customerId, OR: [{ inboxSeenAt: null }, { inboxSeenAt: { lt: message.createdAt } }] },
    data: { inboxSeenAt: message.createdAt },
  });
  return { advanced: count > 0, readReceipt: await markInboundRead(input.upToMessageId) };
}
