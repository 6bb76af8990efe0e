// What an admin may do with a parked webhook delivery: try it again now, or discard it. Both are
// attributed to the admin on the delivery; a delivery another admin (or the replay script)
// already finished is refused with a reason instead of being touched twice.
import "server-only";
import { z } from "zod";
import { ZTextSchema } from "@/lib/zod/text";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { reapplyStoredDelivery } from "@/lib/messages/webhook-inbox";
import type { TReapplyResult } from "@/lib/messages/webhook-apply";

export const ZParkedDeliverySchema = z.object({ deliveryId: ZTextSchema.trim().min(1, "Choose a delivery.").max(64, "Choose a delivery.") });
export type TParkedDeliveryInput = z.infer<typeof ZParkedDeliverySchema>;

const OUTCOME_WORD: Record<string, string> = { applied: "applied", ignored: "ignored", malformed: "recorded as malformed", discarded: "discarded" };

async function parkedDelivery(deliveryId: string) {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true, body: true, attempts: true, processedAt: true, outcome: true, parkedAt: true } });
  if (!delivery) throw new AppError("not_found", "This webhook delivery no longer exists. Reload the page.");
  if (delivery.processedAt) {
    throw new AppError("conflict", `This delivery was already ${OUTCOME_WORD[delivery.outcome ?? ""] ?? "handled"}. Reload the page to see the list as it is now.`);
  }
  if (!delivery.parkedAt) throw new AppError("conflict", "This delivery is not parked: it is being tried again by itself. Reload the page.");
  return delivery;
}

/** Applies a parked delivery now. Failing again parks it again with the new error. */
export async function retryParkedDelivery(input: TParkedDeliveryInput, adminId: string): Promise<TReapplyResult> {
  const delivery = await parkedDelivery(input.deliveryId);
  const result = await reapplyStoredDelivery(delivery, adminId);
  if (result.outcome === "already_processed") throw new AppError("conflict", "This delivery was just handled by someone else. Reload the page.");
  log.info("parked webhook delivery retried", { deliveryId: delivery.id, adminId, outcome: result.outcome });
  return result;
}

/** Marks a parked delivery done without applying it; it stays stored, with who discarded it. */
export async function discardParkedDelivery(input: TParkedDeliveryInput, adminId: string): Promise<{ deliveryId: string }> {
  const delivery = await parkedDelivery(input.deliveryId);
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: delivery.id, processedAt: null, parkedAt: { not: null } },
    data: { processedAt: new Date(), outcome: "discarded", detail: "Discarded by an admin without applying it.", discardedById: adminId },
  });
  if (count === 0) throw new AppError("conflict", "This delivery was just handled by someone else. Reload the page.");
  log.info("parked webhook delivery discarded", { deliveryId: delivery.id, adminId });
  return { deliveryId: delivery.id };
}
