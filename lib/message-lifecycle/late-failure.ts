// A WhatsApp message Meta took and later reported `failed` (not a WhatsApp user, an undeliverable
// number): for an automatic message that is the same as a refusal at send time, so it goes back to
// the outbox and the dispatcher sends it by email (lib/outbox/plan.ts reads the "fallback" try).
// A message sent by hand stays failed for the admin to see.
import "server-only";
import type { TTx } from "@/lib/db";
import type { WhatsAppError } from "@/lib/whatsapp/errors";
import { toQueued } from "@/lib/message-lifecycle/transitions";

export type TLateFailure = { id: string; event: string | null; claimedBy: string | null; attempts: number; status: string; error?: WhatsAppError };

/** Whether a message's late failure should send it by email instead. */
export function shouldFallBackLate(message: TLateFailure): boolean {
  // A claim still held means the dispatcher is recording this very send; it must finish first.
  return message.status === "failed" && message.event !== null && message.claimedBy === null && message.error !== undefined && !message.error.retryable;
}

export async function requeueForEmail(tx: TTx, message: TLateFailure, now = new Date()): Promise<void> {
  const error = message.error!;
  await tx.messageAttempt.updateMany({
    where: { messageId: message.id, number: message.attempts },
    data: { outcome: "fallback", errorCode: String(error.code), errorTitle: error.title, errorDetail: error.details ?? error.action },
  });
  await tx.message.updateMany({
    where: { id: message.id, status: "failed", claimedBy: null },
    data: { ...toQueued(now), failedAt: null },
  });
}
