// A WhatsApp message Meta took and later reported `failed`. What follows is decided by the same
// rule as a refusal at send time (./whatsapp-refusal.ts): an automatic message goes back to the
// outbox with its refused try marked, so the next try takes the event's template (131047 on free
// text) or email (lib/outbox/plan.ts reads the mark); a message an admin wrote, and a failure
// Meta calls temporary, stay failed for the admin to see.
//
// Meta delivers webhooks at least once: the same `failed` may come again, also after the message
// went on by template or email. Neither may send it a second time. The failure time stays on the
// requeued message until its next try starts (the status update takes a message only while that
// column is empty), and after that events about the earlier try are left out (earlierTryEvents).
import "server-only";
import type { TTx } from "@/lib/db";
import type { WhatsAppError } from "@/lib/whatsapp/errors";
import { toQueued } from "@/lib/message-lifecycle/transitions";
import { afterWhatsAppRefusal, type TAfterRefusal } from "@/lib/message-lifecycle/whatsapp-refusal";

export type TLateFailure = { id: string; event: string | null; kind: string; claimedBy: string | null; attempts: number; status: string; error?: WhatsAppError };

type TRequeue = Exclude<TAfterRefusal, { next: "failed" }>;

/** Where a late failure sends the message next, or null when it stays failed. */
export function afterLateFailure(message: TLateFailure): TRequeue | null {
  // A claim still held means the dispatcher is recording this very send; it must finish first.
  if (message.status !== "failed" || message.claimedBy !== null || !message.error || message.error.retryable) return null;
  const after = afterWhatsAppRefusal({ code: message.error.code, template: message.kind === "template", automatic: message.event !== null });
  return after.next === "failed" ? null : after;
}

/** Queues the message for its next try; its last try carries Meta's error and what it led to. */
export async function requeueAfterLateFailure(tx: TTx, message: TLateFailure & { error: WhatsAppError }, after: TRequeue, now = new Date()): Promise<void> {
  const { error } = message;
  await tx.messageAttempt.updateMany({
    where: { messageId: message.id, number: message.attempts },
    data: { outcome: after.outcome, errorCode: String(error.code), errorTitle: error.title, errorDetail: error.details ?? error.action },
  });
  // failedAt stays: it marks this failure as applied (the next try's start clears it).
  await tx.message.updateMany({ where: { id: message.id, status: "failed", claimedBy: null }, data: toQueued(now) });
}

/**
 * The events (by message id and wamid) about an earlier try of their message than its last: over
 * on our side, since the message went on after it. They change nothing.
 */
export async function earlierTryEvents(tx: TTx, events: readonly { messageId: string; wamid: string }[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const tries = await tx.messageAttempt.findMany({
    where: { messageId: { in: [...new Set(events.map((event) => event.messageId))] }, providerMessageId: { in: [...new Set(events.map((event) => event.wamid))] } },
    select: { messageId: true, providerMessageId: true, number: true, message: { select: { attempts: true } } },
  });
  return new Set(tries.filter((attempt) => attempt.number < attempt.message.attempts).map((attempt) => tryKey(attempt.messageId, attempt.providerMessageId!)));
}

export const tryKey = (messageId: string, wamid: string) => `${messageId}\u0000${wamid}`;
