// Brings the WhatsApp Business Account's templates into the database: every page of
// GET /{waba-id}/message_templates, then one transaction that updates each row (status, category,
// components, parameter format, quality, rejected reason) and marks the rows Meta no longer
// lists as deleted; they are kept, so settings and messages that name them still explain
// themselves. The sync's start, end and failure go to WhatsAppTemplateSync, shared by every
// process. A sync sees Meta's present, so it also wins over webhooks older than it.
import "server-only";
import { db as defaultDb, type TDb } from "@/lib/db";
import { log } from "@/lib/log";
import { WhatsAppError } from "@/lib/whatsapp/errors";
import type { TMessageTemplate } from "@/lib/whatsapp/types";
import { parameterFormatOf } from "@/lib/templates/shape";
import { meaningfulReason } from "@/lib/templates/flags";
import { SYNC_ID } from "@/lib/templates/queries";

/** The one call the sync needs (lib/whatsapp/client.ts's listTemplates). */
export type TTemplateSource = { listTemplates(options?: { onPage?: (page: number) => void }): Promise<TMessageTemplate[]> };

export type TSyncResult =
  | { ok: true; templates: number; pages: number; added: number; deleted: number; changed: number }
  | { ok: false; title: string; action: string };

/** The stored columns of one template from Meta's list. */
function templateRow(template: TMessageTemplate) {
  return {
    metaId: template.id ?? null,
    status: template.status,
    category: template.category ?? "UTILITY",
    components: JSON.stringify(template.components ?? []),
    parameterFormat: parameterFormatOf(template),
    quality: template.quality_score?.score ?? null,
    rejectedReason: template.status === "REJECTED" ? meaningfulReason(template.rejected_reason) : null,
  };
}

const key = (name: string, language: string) => `${name}\u0000${language}`;

export async function syncTemplates(source: TTemplateSource, options: { db?: TDb; now?: Date } = {}): Promise<TSyncResult> {
  const client = options.db ?? defaultDb;
  const startedAt = options.now ?? new Date();
  await client.whatsAppTemplateSync.upsert({ where: { id: SYNC_ID }, create: { id: SYNC_ID, startedAt }, update: { startedAt } });
  let pages = 0;
  let fetched: TMessageTemplate[];
  try {
    fetched = await source.listTemplates({ onPage: (page) => void (pages = page) });
  } catch (error) {
    if (!(error instanceof WhatsAppError)) throw error;
    const finishedAt = new Date();
    await client.whatsAppTemplateSync.update({ where: { id: SYNC_ID }, data: { finishedAt, error: `${error.title}. ${error.action}` } });
    log.warn("templates: sync failed", { code: error.code, title: error.title });
    return { ok: false, title: error.title, action: error.action };
  }
  // Meta lists a name once per language; a repeat on a later page (a list that changed while
  // it was read) is the same template.
  const latest = new Map(fetched.map((template) => [key(template.name, template.language), template]));
  // Meta dates template webhooks in whole seconds: the list is "as of" its second, so a webhook
  // from that same second (which may have just changed it) still applies.
  const now = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  const counts = await client.$transaction(async (tx) => {
    const existing = new Map((await tx.whatsAppTemplate.findMany()).map((row) => [key(row.name, row.language), row]));
    let added = 0;
    let changed = 0;
    for (const [id, template] of latest) {
      const row = templateRow(template);
      const before = existing.get(id);
      if (!before) {
        added++;
        await tx.whatsAppTemplate.create({ data: { name: template.name, language: template.language, ...row, statusAt: now, syncedAt: now } });
        continue;
      }
      const recategorised = before.category !== row.category;
      if (recategorised || before.status !== row.status || before.deletedAt) changed++;
      await tx.whatsAppTemplate.update({
        where: { id: before.id },
        data: {
          ...row,
          // A change the webhook missed is still a change: kept with its time, as the webhook would.
          ...(recategorised ? { previousCategory: before.category, categoryChangedAt: now } : {}),
          ...(before.upcomingCategory === row.category ? { upcomingCategory: null, upcomingCategoryAt: null } : {}),
          ...(before.status !== row.status ? { statusReason: null } : {}),
          statusAt: now,
          syncedAt: now,
          deletedAt: null,
        },
      });
    }
    const gone = [...existing.entries()].filter(([id, row]) => !latest.has(id) && !row.deletedAt).map(([, row]) => row.id);
    if (gone.length) await tx.whatsAppTemplate.updateMany({ where: { id: { in: gone } }, data: { deletedAt: now, syncedAt: now } });
    await tx.whatsAppTemplateSync.update({
      where: { id: SYNC_ID },
      data: { finishedAt: new Date(), succeededAt: now, error: null, templates: latest.size, pages },
    });
    return { added, changed, deleted: gone.length };
  });
  log.info("templates: synced", { templates: latest.size, pages, ...counts });
  return { ok: true, templates: latest.size, pages, ...counts };
}
