// Applies parsed WhatsApp webhook events to the audit log and the customers, in one transaction.
// Meta delivers at least once, out of order and in batches, so every step here is idempotent:
// a status is recorded once per message (its timestamp column doubles as the "seen" mark), the
// message's status only moves forward, and an inbound message is stored once per wamid.
import type { TTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TWebhookEvent } from "@/lib/whatsapp/webhook";
import { statusRank } from "@/lib/whatsapp/status-order";
import { requeueForEmail, shouldFallBackLate } from "@/lib/outbox/late-failure";
import { touchWhatsAppWriter } from "@/lib/messages/whatsapp-writer";

type TStatusEvent = Extract<TWebhookEvent, { type: "status" }>;
type TInboundEvent = Extract<TWebhookEvent, { type: "message" }>;

const TIMESTAMP_COLUMN = {
  sent: "sentAt",
  delivered: "deliveredAt",
  read: "readAt",
  failed: "failedAt",
} as const;

export type TApplyOutcome = { statuses: number; duplicates: number; unmatched: number; inbound: number };

export async function applyWhatsAppEvents(tx: TTx, events: readonly TWebhookEvent[], now = new Date()): Promise<TApplyOutcome> {
  const statuses = events.filter((event): event is TStatusEvent => event.type === "status");
  const inbound = events.filter((event): event is TInboundEvent => event.type === "message");
  const outcome = await applyStatuses(tx, statuses);
  outcome.inbound = await applyInbound(tx, inbound, now);
  return outcome;
}

async function applyStatuses(tx: TTx, events: TStatusEvent[]): Promise<TApplyOutcome> {
  const outcome: TApplyOutcome = { statuses: 0, duplicates: 0, unmatched: 0, inbound: 0 };
  if (events.length === 0) return outcome;

  // Match by our own id (biz_opaque_callback_data, present even when the webhook outruns the
  // send's response) and by wamid, in one query for the whole batch.
  const ids = [...new Set(events.flatMap((event) => (event.callbackData ? [event.callbackData] : [])))];
  const wamids = [...new Set(events.map((event) => event.wamid))];
  const messages = await tx.message.findMany({
    where: { OR: [{ id: { in: ids } }, { providerMessageId: { in: wamids } }] },
    select: {
      id: true,
      providerMessageId: true,
      status: true,
      statusRank: true,
      sentAt: true,
      deliveredAt: true,
      readAt: true,
      failedAt: true,
      event: true,
      claimedBy: true,
      attempts: true,
    },
  });
  const byId = new Map(messages.map((message) => [message.id, message]));
  const byWamid = new Map(messages.flatMap((message) => (message.providerMessageId ? [[message.providerMessageId, message] as const] : [])));

  const newEvents: Prisma.MessageStatusEventCreateManyInput[] = [];
  const changed = new Map<string, (typeof messages)[number] & { newWamid?: string; error?: TStatusEvent["error"] }>();

  for (const event of events) {
    const found = (event.callbackData && byId.get(event.callbackData)) || byWamid.get(event.wamid);
    if (!found) {
      outcome.unmatched++;
      continue;
    }
    const message = changed.get(found.id) ?? { ...found };
    const column = TIMESTAMP_COLUMN[event.status];
    if (message[column]) {
      outcome.duplicates++;
      continue;
    }
    message[column] = event.timestamp;
    if (!message.providerMessageId) message.newWamid = event.wamid;
    const rank = statusRank(event.status);
    if (rank > message.statusRank) {
      message.status = event.status;
      message.statusRank = rank;
    }
    // A failure reported after delivery stays in the status history; the message keeps showing
    // what the customer has, so nobody is invited to send it again.
    if (event.status === "failed" && message.status === "failed") message.error = event.error;
    changed.set(message.id, message);
    newEvents.push({
      messageId: message.id,
      status: event.status,
      occurredAt: event.timestamp,
      errorCode: event.error ? String(event.error.code) : null,
      errorTitle: event.error?.title ?? null,
      errorDetail: event.error ? [event.error.details, event.error.action].filter(Boolean).join(" ") || null : null,
      pricingType: event.pricingType ?? null,
    });
    outcome.statuses++;
  }

  if (newEvents.length > 0) await tx.messageStatusEvent.createMany({ data: newEvents });
  for (const message of changed.values()) {
    await tx.message.update({
      where: { id: message.id },
      data: {
        status: message.status,
        statusRank: message.statusRank,
        sentAt: message.sentAt,
        deliveredAt: message.deliveredAt,
        readAt: message.readAt,
        failedAt: message.failedAt,
        ...(message.newWamid ? { providerMessageId: message.newWamid } : {}),
        ...(message.error
          ? {
              errorCode: String(message.error.code),
              errorTitle: message.error.title,
              errorDetail: [message.error.details, message.error.action].filter(Boolean).join(" ") || null,
              errorTraceId: message.error.fbtraceId ?? null,
            }
          : {}),
      },
    });
    if (shouldFallBackLate(message)) await requeueForEmail(tx, message);
  }
  return outcome;
}

async function applyInbound(tx: TTx, events: TInboundEvent[], now: Date): Promise<number> {
  if (events.length === 0) return 0;
  const known = await tx.message.findMany({
    where: { providerMessageId: { in: events.map((event) => event.wamid) } },
    select: { providerMessageId: true },
  });
  const seen = new Set(known.map((message) => message.providerMessageId));
  let stored = 0;
  for (const event of events) {
    if (seen.has(event.wamid)) continue;
    seen.add(event.wamid);
    const customerId = await touchWhatsAppWriter(tx, event, now);
    const repliedTo = event.contextWamid
      ? await tx.message.findUnique({ where: { providerMessageId: event.contextWamid }, select: { quoteId: true } })
      : null;
    const latestQuote = repliedTo?.quoteId
      ? null
      : await tx.quote.findFirst({ where: { customerId }, orderBy: { createdAt: "desc" }, select: { id: true } });
    await tx.message.create({
      data: {
        channel: "whatsapp",
        direction: "inbound",
        origin: "customer",
        kind: event.kind,
        body: event.text ?? null,
        customerId,
        quoteId: repliedTo?.quoteId ?? latestQuote?.id ?? null,
        recipient: event.from ?? event.userId ?? null,
        requestPayload: JSON.stringify(event.raw),
        providerMessageId: event.wamid,
        status: "received",
        statusRank: 0,
        createdAt: event.timestamp,
      },
    });
    stored++;
  }
  return stored;
}
