// Where a customer's WhatsApp message is filed: on the quote or order of our message it answers
// (Meta's context id, or the message a reaction is on), else on the one the customer's last
// message from us was about, else on the customer only. Never "their newest quote": a customer
// with two quotes who answers the older one's message means the older one.
import "server-only";
import type { TTx } from "@/lib/db";

export type TInboundFiling = {
  quoteId: string | null;
  orderId: string | null;
  /** How it was decided: by the message it answers, by our last message to them, or neither. */
  by: "context" | "last_outbound" | "customer";
};

/** Statuses of a message that reached the customer (an email counts from "sent"). */
const REACHED = ["accepted", "sent", "delivered", "read"];

export async function fileInbound(tx: TTx, input: { customerId: string; contextWamid?: string | null }): Promise<TInboundFiling> {
  if (input.contextWamid) {
    const answered = await tx.message.findUnique({ where: { providerMessageId: input.contextWamid }, select: { quoteId: true, orderId: true } });
    // The message it answers decides, even when that one was about neither (a general note).
    if (answered) return { quoteId: answered.quoteId, orderId: answered.orderId, by: "context" };
  }
  const last = await tx.message.findFirst({
    where: { customerId: input.customerId, direction: "outbound", status: { in: REACHED } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { quoteId: true, orderId: true },
  });
  if (last && (last.quoteId || last.orderId)) return { quoteId: last.quoteId, orderId: last.orderId, by: "last_outbound" };
  return { quoteId: null, orderId: null, by: "customer" };
}
