// An admin's Retry on a failed or uncertain message: it goes back to the outbox and the
// dispatcher makes a new, real attempt. Guarded by the number of tries the admin saw, so a double
// click (or two admins) queues it once. A message that cannot succeed now (no channel left: no
// consent and no email, opted out with no email…) is refused with what to fix first.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { z } from "zod";
import { ZTextSchema } from "@/lib/zod/text";
import { toQueuedByAdmin } from "@/lib/message-lifecycle/transitions";
import { sendAgainVerdictFor } from "@/lib/outbox/send-again";

export const RETRYABLE_STATUSES = ["failed", "uncertain"] as const;

export const ZRetryMessageSchema = z.object({
  messageId: ZTextSchema.min(1),
  expectedAttempts: z.number().int().min(0),
});
export type TRetryMessageInput = z.infer<typeof ZRetryMessageSchema>;

export async function retryMessage(input: TRetryMessageInput, actorId: string, now = new Date()): Promise<{ messageId: string }> {
  const verdict = await sendAgainVerdictFor(input.messageId, db, now);
  if (verdict && !verdict.possible) throw new AppError("conflict", `${verdict.reason} ${verdict.fix}`);
  const { count } = await db.message.updateMany({
    where: { id: input.messageId, direction: "outbound", status: { in: [...RETRYABLE_STATUSES] }, attempts: input.expectedAttempts },
    data: toQueuedByAdmin(now),
  });
  if (count === 1) {
    log.info("outbox: message queued again by an admin", { messageId: input.messageId, actorId });
    return { messageId: input.messageId };
  }
  const message = await db.message.findUnique({ where: { id: input.messageId }, select: { status: true, direction: true, attempts: true } });
  if (!message) throw new AppError("not_found", "This message no longer exists.");
  if (message.direction !== "outbound") throw new AppError("conflict", "A message the customer sent cannot be sent again.");
  if (message.attempts !== input.expectedAttempts || message.status === "queued" || message.status === "sending") {
    throw new AppError("conflict", "This message is already being sent again (someone clicked Retry a moment ago). Reload the page to follow it.");
  }
  throw new AppError("conflict", `Only failed or uncertain messages can be sent again; this one is ${message.status}.`);
}
