// Reading a conversation: the customer's inbound messages the thread showed are read for us, and
// Meta is told, so the customer sees blue ticks.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { markInboundRead, type TReadReceipt } from "@/lib/messages/mark-read";
import type { TMarkThreadSeen } from "@/lib/inbox/schema";

export type TMarkSeenResult = { advanced: boolean; readReceipt: TReadReceipt };

const INBOUND_WHATSAPP = { direction: "inbound", channel: "whatsapp" } as const;

/**
 * Marks the thread read up to `upToMessageId` (an inbound message of this customer), but never
 * past a message the thread did not show: Meta's times are whole seconds, so a message that
 * arrived after the thread was drawn can carry the same time as the newest one it showed. Read
 * stops just before the first such message, which stays unread (with any of that same moment)
 * until a thread that shows it is read. Only moves forward: a thread left open in an older tab
 * cannot make newer messages unread again. Then one read receipt for that message goes to Meta
 * (which marks the earlier ones read too), once per message (lib/messages/mark-read.ts); a refusal
 * is logged and reported, never thrown, since our own read state is already kept, and the next
 * opening tries again.
 */
export async function markThreadSeen(input: TMarkThreadSeen): Promise<TMarkSeenResult> {
  const [message, customer] = await Promise.all([
    db.message.findFirst({ where: { id: input.upToMessageId, customerId: input.customerId, ...INBOUND_WHATSAPP }, select: { createdAt: true } }),
    db.customer.findUnique({ where: { id: input.customerId }, select: { inboxSeenAt: true } }),
  ]);
  if (!message || !customer) throw new AppError("not_found", "This message is not in the customer's conversation.");

  const shown = [...new Set([...input.shownIds, input.upToMessageId])];
  const firstUnshown = await db.message.findFirst({
    where: {
      customerId: input.customerId,
      ...INBOUND_WHATSAPP,
      id: { notIn: shown },
      createdAt: { lte: message.createdAt, ...(customer.inboxSeenAt ? { gt: customer.inboxSeenAt } : {}) },
    },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  // Stored times have millisecond precision: one millisecond earlier is before that message.
  const upTo = firstUnshown ? new Date(firstUnshown.createdAt.getTime() - 1) : message.createdAt;

  const { count } = await db.customer.updateMany({
    where: { id: input.customerId, OR: [{ inboxSeenAt: null }, { inboxSeenAt: { lt: upTo } }] },
    data: { inboxSeenAt: upTo },
  });
  return { advanced: count > 0, readReceipt: await markInboundRead(input.upToMessageId) };
}
