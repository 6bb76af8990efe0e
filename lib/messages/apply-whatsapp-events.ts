// Applies parsed WhatsApp webhook events to the audit log and the customers, in one transaction.
// Meta delivers at least once, out of order and in batches, so every step here is idempotent:
// statuses go through lib/message-lifecycle/provider-statuses.ts (once per message and status,
// only forward), and an inbound message is stored once per wamid.
import "server-only";
import type { TTx } from "@/lib/db";
import type { TWebhookEvent } from "@/lib/whatsapp/webhook";
import { applyProviderStatuses, type TProviderStatus } from "@/lib/message-lifecycle/provider-statuses";
import { storeInboundMessage } from "@/lib/messages/inbound-store";
import { touchWhatsAppWriter } from "@/lib/messages/whatsapp-writer";
import { applyTemplateEvents } from "@/lib/templates/apply-events";
import { applyWhatsAppKeyword } from "@/lib/customers/opt-out";
import { keywordWordsOf } from "@/lib/customers/opt-out-words";
import { applyCapabilityReports } from "@/lib/whatsapp-usage/capability-apply";

type TStatusEvent = Extract<TWebhookEvent, { type: "status" }>;
type TInboundEvent = Extract<TWebhookEvent, { type: "message" }>;

/** `queued`: messages the inbound ones queued (a quick reply's confirmation), for the dispatcher's wake-up. */
export type TApplyOutcome = { statuses: number; duplicates: number; unmatched: number; inbound: number; queued: number };

export async function applyWhatsAppEvents(tx: TTx, events: readonly TWebhookEvent[], now = new Date()): Promise<TApplyOutcome> {
  const statuses = events.filter((event): event is TStatusEvent => event.type === "status");
  const inbound = events.filter((event): event is TInboundEvent => event.type === "message");
  const outcome = await applyStatuses(tx, statuses, now);
  Object.assign(outcome, await applyInbound(tx, inbound, now));
  // Template status, category and quality changes (lib/templates/apply-events.ts).
  await applyTemplateEvents(tx, events.filter((event): event is Extract<TWebhookEvent, { type: "template" }> => event.type === "template"), now);
  // The messaging limit Meta reports; held messages a raised limit lets go are queued work.
  const capability = await applyCapabilityReports(tx, events.filter((event): event is Extract<TWebhookEvent, { type: "capability" }> => event.type === "capability"), now);
  outcome.queued += capability.released;
  return outcome;
}

async function applyStatuses(tx: TTx, events: TStatusEvent[], now: Date): Promise<TApplyOutcome> {
  const outcome: TApplyOutcome = { statuses: 0, duplicates: 0, unmatched: 0, inbound: 0, queued: 0 };
  if (events.length === 0) return outcome;

  // Match by our own id (biz_opaque_callback_data, present even when the webhook outruns the
  // send's response) and by wamid, in one query for the whole batch.
  const ids = [...new Set(events.flatMap((event) => (event.callbackData ? [event.callbackData] : [])))];
  const wamids = [...new Set(events.map((event) => event.wamid))];
  const messages = await tx.message.findMany({
    where: { OR: [{ id: { in: ids } }, { providerMessageId: { in: wamids } }] },
    select: { id: true, providerMessageId: true },
  });
  const known = new Set(messages.map((message) => message.id));
  const byWamid = new Map(messages.flatMap((message) => (message.providerMessageId ? [[message.providerMessageId, message.id] as const] : [])));

  const matched: TProviderStatus[] = [];
  for (const event of events) {
    const messageId = (event.callbackData && known.has(event.callbackData) ? event.callbackData : undefined) ?? byWamid.get(event.wamid);
    if (!messageId) {
      outcome.unmatched++;
      continue;
    }
    matched.push({ messageId, status: event.status, at: event.timestamp, wamid: event.wamid, error: event.error, pricingType: event.pricingType, pricing: event.pricing });
  }
  const applied = await applyProviderStatuses(tx, matched, now);
  outcome.statuses = applied.applied;
  outcome.duplicates = applied.duplicates;
  return outcome;
}

async function applyInbound(tx: TTx, events: TInboundEvent[], now: Date): Promise<{ inbound: number; queued: number }> {
  if (events.length === 0) return { inbound: 0, queued: 0 };
  const known = await tx.message.findMany({
    where: { providerMessageId: { in: events.map((event) => event.wamid) } },
    select: { providerMessageId: true },
  });
  const seen = new Set(known.map((message) => message.providerMessageId));
  let stored = 0;
  let queued = 0;
  for (const event of events) {
    if (seen.has(event.wamid)) continue;
    seen.add(event.wamid);
    const customerId = await touchWhatsAppWriter(tx, event, now);
    const message = await storeInboundMessage(tx, event, customerId, now);
    queued += message.queued;
    // STOP / START, typed or a tapped opt-out button (lib/customers/opt-out.ts): once per wamid, as the message itself.
    const words = keywordWordsOf(message.content);
    if (words && (await applyWhatsAppKeyword(tx, { customerId, ...words, wamid: event.wamid, at: event.timestamp }, now))?.confirmationId) queued++;
    stored++;
  }
  return { inbound: stored, queued };
}
