// Applies template webhooks (lib/whatsapp/template-webhook.ts) to the stored templates, inside
// the webhook applier's transaction. Meta delivers at least once and in no set order, so each
// change carries Meta's time and is applied only when it is not older than what the row holds
// (a repeat changes nothing; a late PAUSED after a newer APPROVED is ignored). A template the
// sync has not seen yet gets a row from the event alone; the next sync fills in its components.
import "server-only";
import type { TTx } from "@/lib/db";
import type { TTemplateWebhookEvent } from "@/lib/whatsapp/template-webhook";
import { meaningfulReason } from "@/lib/templates/flags";

// Events that name a state rather than being one.
const STATUS_OF_EVENT: Record<string, string> = { REINSTATED: "APPROVED", UNARCHIVED: "APPROVED", UNLOCKED: "APPROVED" };
const GONE = new Set(["PENDING_DELETION", "DELETED"]);

export async function applyTemplateEvents(tx: TTx, events: readonly TTemplateWebhookEvent[], now = new Date()): Promise<number> {
  // Oldest first, so a batch holding both PAUSED and APPROVED ends on the newer one.
  const ordered = [...events].sort((a, b) => (a.at ?? now).getTime() - (b.at ?? now).getTime());
  let applied = 0;
  for (const event of ordered) {
    const at = event.at ?? now;
    const where = { name_language: { name: event.name, language: event.language } };
    const row = await tx.whatsAppTemplate.findUnique({ where });
    if (!row) {
      await tx.whatsAppTemplate.create({
        data: {
          name: event.name,
          language: event.language,
          metaId: event.metaId ?? null,
          status: event.change === "status" ? (STATUS_OF_EVENT[event.value] ?? event.value) : "UNKNOWN",
          category: event.change === "category" && !event.upcomingAt ? event.value : (event.category ?? "UNKNOWN"),
          previousCategory: event.change === "category" ? (event.previousCategory ?? null) : null,
          categoryChangedAt: event.change === "category" && !event.upcomingAt ? at : null,
          quality: event.change === "quality" ? event.value : null,
          statusReason: event.change === "status" ? meaningfulReason(event.reason) : null,
          rejectedReason: event.change === "status" && event.value === "REJECTED" ? meaningfulReason(event.reason) : null,
          deletedAt: event.change === "status" && GONE.has(event.value) ? at : null,
          statusAt: at,
        },
      });
      applied++;
      continue;
    }
    if (event.change === "status") {
      if (at < row.statusAt) continue;
      const status = STATUS_OF_EVENT[event.value] ?? event.value;
      await tx.whatsAppTemplate.update({
        where: { id: row.id },
        data: {
          status: GONE.has(status) ? row.status : status,
          statusReason: meaningfulReason(event.reason),
          rejectedReason: status === "REJECTED" ? meaningfulReason(event.reason) : status === "APPROVED" ? null : row.rejectedReason,
          deletedAt: GONE.has(status) ? at : status === "APPROVED" ? null : row.deletedAt,
          statusAt: at,
          ...(event.metaId && !row.metaId ? { metaId: event.metaId } : {}),
        },
      });
      applied++;
    } else if (event.change === "category") {
      if (event.upcomingAt) {
        await tx.whatsAppTemplate.update({ where: { id: row.id }, data: { upcomingCategory: event.value, upcomingCategoryAt: event.upcomingAt } });
        applied++;
        continue;
      }
      if (row.categoryChangedAt && at < row.categoryChangedAt) continue;
      await tx.whatsAppTemplate.update({
        where: { id: row.id },
        data: {
          category: event.value,
          // A repeat of the change already held keeps the category it came from.
          previousCategory: event.previousCategory ?? (row.category !== event.value ? row.category : row.previousCategory),
          categoryChangedAt: at,
          ...(row.upcomingCategory === event.value ? { upcomingCategory: null, upcomingCategoryAt: null } : {}),
        },
      });
      applied++;
    } else {
      await tx.whatsAppTemplate.update({ where: { id: row.id }, data: { quality: event.value } });
      applied++;
    }
  }
  return applied;
}
