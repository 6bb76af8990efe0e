// The outbox's write side. An event queues its message in the same transaction as the change
// that caused it, so a change cannot commit without its message, nor a message without its
// change. Nothing is sent here: the dispatcher picks the row up.
import "server-only";
import type { TTx } from "@/lib/db";
import type { TNotificationEvent } from "@/lib/notifications/events";
import { getNotificationSetting } from "@/lib/notifications/settings";
import { createQueuedMessage } from "@/lib/message-lifecycle/transitions";

export type TEnqueueInput = {
  event: TNotificationEvent;
  customerId: string;
  quoteId?: string | null;
  orderId?: string | null;
  /**
   * What makes this occurrence of the event unique: the id of the timeline entry written by the
   * same change. With the event and the record it forms the idempotency key, so the same change
   * can never queue two messages, while a second real change (a new answer) queues its own.
   */
  version: string;
  now?: Date;
};

export function idempotencyKeyFor(input: Pick<TEnqueueInput, "event" | "quoteId" | "orderId" | "version">): string {
  return `${input.event}:${input.orderId ?? input.quoteId}:${input.version}`;
}

/** Queues the event's message, unless the event is turned off. Returns the message id, or null. */
export async function enqueueNotification(tx: TTx, input: TEnqueueInput): Promise<string | null> {
  const setting = await getNotificationSetting(tx, input.event);
  if (!setting.enabled) return null;
  const idempotencyKey = idempotencyKeyFor(input);
  const existing = await tx.message.findUnique({ where: { idempotencyKey }, select: { id: true } });
  if (existing) return existing.id;
  const now = input.now ?? new Date();
  const message = await createQueuedMessage(tx, notificationFields(input, await preferredChannel(tx, input), now), now);
  return message.id;
}

/** The event's message as queued, given the channel its quote (or customer) prefers. */
export function notificationFields(input: TEnqueueInput, preference: string, now: Date) {
  return {
    // The preferred channel for now; the dispatcher decides for real when it sends.
    channel: preference === "whatsapp" ? "whatsapp" : "email",
    origin: `system:${input.event}`,
    event: input.event,
    kind: "notification",
    customerId: input.customerId,
    quoteId: input.quoteId ?? null,
    orderId: input.orderId ?? null,
    idempotencyKey: idempotencyKeyFor(input),
    createdAt: now,
  };
}

/** The channel asked for on the quote the message is about (an order's, its quote's); else the customer's. */
async function preferredChannel(tx: TTx, input: TEnqueueInput): Promise<string> {
  const quote = input.quoteId
    ? await tx.quote.findUnique({ where: { id: input.quoteId }, select: { contactPreference: true } })
    : input.orderId
      ? (await tx.order.findUnique({ where: { id: input.orderId }, select: { quote: { select: { contactPreference: true } } } }))?.quote
      : null;
  if (quote) return quote.contactPreference;
  const customer = await tx.customer.findUniqueOrThrow({ where: { id: input.customerId }, select: { contactPreference: true } });
  return customer.contactPreference;
}
