// Changes to an order. Each is one transaction that also writes the timeline entry (and, for a
// status move, queues the customer's message), guarded by the state the admin saw so that of
// two admins acting at once exactly one wins and the other is told why.
import "server-only";
import { z } from "zod";
import { ZMultilineTextSchema, ZTextSchema } from "@/lib/zod/text";
import { inTransaction, type TTx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/format";
import { parseMoneyToCents } from "@/lib/money";
import { orderEvent } from "@/lib/notifications/events";
import { enqueueNotification } from "@/lib/message-lifecycle/enqueue";
import { balanceCents } from "@/lib/orders/payment";
import { assertOrderTransition, ORDER_STATUS_LABEL, type TOrderStatus } from "@/lib/orders/status";
import { nextNumber, yearIn } from "@/lib/document-number";
import { orderSearchText } from "@/lib/search-text";

const CHANGED_MEANWHILE = "Someone else changed this order a moment ago. Reload the page to see what changed, then try again.";

/** Makes the order for a quote that has just been accepted (called inside that transaction). */
export async function createOrderForAcceptedQuote(tx: TTx, input: { quoteId: string; actorId: string | null; now: Date }) {
  const quote = await tx.quote.findUniqueOrThrow({
    where: { id: input.quoteId },
    select: {
      id: true,
      number: true,
      occasion: true,
      quotedAmountCents: true,
      currency: true,
      neededBy: true,
      deliveryArea: true,
      customerId: true,
      contactName: true,
      contactEmail: true,
      contactPhone: true,
      customer: { select: { name: true } },
    },
  });
  if (quote.quotedAmountCents === null) {
    throw new AppError("conflict", "This quote has no price yet. Answer it with a price before it can be accepted.");
  }
  const number = await nextNumber(tx, "O", yearIn(env.BUSINESS_TIME_ZONE, input.now));
  return tx.order.create({
    data: {
      number,
      quoteId: quote.id,
      customerId: quote.customerId,
      status: "confirmed",
      description: quote.occasion,
      totalCents: quote.quotedAmountCents,
      currency: quote.currency,
      deliveryDate: quote.neededBy,
      deliveryAddress: quote.deliveryArea,
      searchText: orderSearchText({ number, customerName: quote.customer.name, quote }),
      createdAt: input.now,
      events: { create: { kind: "status", toStatus: "confirmed", note: `Made from quote ${quote.number}.`, actorId: input.actorId, createdAt: input.now } },
    },
    select: { id: true, number: true },
  });
}

export type TOrderStatusMove = { orderId: string; from: TOrderStatus; to: TOrderStatus; messageId: string | null };

export async function changeOrderStatus(input: {
  orderId: string;
  to: TOrderStatus;
  expectedStatus: TOrderStatus;
  note?: string | null;
  actorId: string;
  now?: Date;
}): Promise<TOrderStatusMove> {
  const now = input.now ?? new Date();
  return inTransaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: input.orderId }, select: { status: true, customerId: true } });
    if (!order) throw new AppError("not_found", "This order no longer exists.");
    if (order.status !== input.expectedStatus) {
      throw new AppError(
        "conflict",
        `This order was changed while you were looking at it: it is ${ORDER_STATUS_LABEL[order.status as TOrderStatus]?.toLowerCase() ?? order.status} now. Reload the page and check before you try again.`,
      );
    }
    assertOrderTransition(order.status, input.to);
    const { count } = await tx.order.updateMany({ where: { id: input.orderId, status: order.status }, data: { status: input.to } });
    if (count === 0) throw new AppError("conflict", CHANGED_MEANWHILE);
    const entry = await tx.orderEvent.create({
      data: { orderId: input.orderId, kind: "status", fromStatus: order.status, toStatus: input.to, note: input.note ?? null, actorId: input.actorId, createdAt: now },
      select: { id: true },
    });
    const event = orderEvent(input.to);
    const messageId = event
      ? await enqueueNotification(tx, { event, customerId: order.customerId, orderId: input.orderId, version: entry.id, now })
      : null;
    return { orderId: input.orderId, from: order.status as TOrderStatus, to: input.to, messageId };
  });
}

export const ZRecordPaymentSchema = z.object({
  orderId: ZTextSchema.min(1),
  amount: ZTextSchema.trim()
    .min(1, "Enter the amount received.")
    .refine((value) => {
      const cents = parseMoneyToCents(value);
      return cents !== null && cents > 0;
    }, "Enter an amount such as 250 or 250.50."),
  note: ZTextSchema.trim().max(300, "Keep the note under 300 characters.").optional(),
  /** The amount paid the admin saw, so two admins recording the same payment are caught. */
  expectedPaidCents: z.number().int().min(0),
});
export type TRecordPaymentInput = z.input<typeof ZRecordPaymentSchema>;

export async function recordPayment(input: z.output<typeof ZRecordPaymentSchema>, actorId: string) {
  const amountCents = parseMoneyToCents(input.amount)!;
  return inTransaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: input.orderId }, select: { totalCents: true, paidCents: true, status: true } });
    if (!order) throw new AppError("not_found", "This order no longer exists.");
    if (order.status === "cancelled") throw new AppError("conflict", "This order is cancelled; payments cannot be recorded on it.");
    if (amountCents > balanceCents(order)) {
      throw new AppError("invalid_input", `That is more than the ${formatMoney(balanceCents(order))} still owed.`);
    }
    const { count } = await tx.order.updateMany({
      where: { id: input.orderId, paidCents: input.expectedPaidCents },
      data: { paidCents: { increment: amountCents } },
    });
    if (count === 0) throw new AppError("conflict", "A payment was recorded on this order meanwhile. Reload the page to see it before adding another.");
    await tx.orderEvent.create({
      data: { orderId: input.orderId, kind: "payment", amountCents, note: input.note || null, actorId },
    });
    return { paidCents: input.expectedPaidCents + amountCents };
  });
}

const calendarDate = ZTextSchema.trim()
  .refine((value) => value === "" || /^\d{4}-\d{2}-\d{2}$/.test(value), "Enter a date like 2026-12-24.");

export const ZUpdateOrderDetailsSchema = z.object({
  orderId: ZTextSchema.min(1),
  deliveryDate: calendarDate,
  deliveryAddress: ZMultilineTextSchema.trim().max(500, "Keep the address under 500 characters."),
  notes: ZMultilineTextSchema.trim().max(2000, "Keep the notes under 2,000 characters."),
});
export type TUpdateOrderDetailsInput = z.input<typeof ZUpdateOrderDetailsSchema>;

export async function updateOrderDetails(input: z.output<typeof ZUpdateOrderDetailsSchema>, actorId: string) {
  return inTransaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: input.orderId }, select: { deliveryDate: true, deliveryAddress: true, notes: true } });
    if (!order) throw new AppError("not_found", "This order no longer exists.");
    const next = { deliveryDate: input.deliveryDate || null, deliveryAddress: input.deliveryAddress || null, notes: input.notes || null };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => next[key] !== order[key]);
    if (changed.length === 0) return { changed: [] };
    await tx.order.update({ where: { id: input.orderId }, data: next });
    const labels = { deliveryDate: "delivery date", deliveryAddress: "delivery address", notes: "notes" };
    await tx.orderEvent.create({
      data: {
        orderId: input.orderId,
        kind: "details",
        note: `Changed ${changed.map((key) => labels[key]).join(", ")}.${changed.includes("deliveryDate") ? ` Delivery date: ${next.deliveryDate ?? "none"}.` : ""}`,
        actorId,
      },
    });
    return { changed };
  });
}
