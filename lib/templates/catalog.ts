// The one template list every page and the dispatcher read: the database, filled by the sync.
// Before the first sync (a fresh installation) it syncs once, in the request that first needs
// it; after that the schedule and the webhooks keep it current and pages never wait on Meta.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getSyncState, listStoredTemplates, type TTemplateWithFlags } from "@/lib/templates/queries";
import { syncTemplates, type TSyncResult, type TTemplateSource } from "@/lib/templates/sync";

export type TTemplateList = { ok: true; templates: TTemplateWithFlags[]; syncedAt: Date | null; syncError: string | null } | { ok: false; title: string; action: string };

const globalForSync = globalThis as unknown as { ssgFirstTemplateSync?: Promise<TSyncResult | null> };

/** Several renders at first start share one sync; null when another process did it meanwhile. */
function syncOnce(source: TTemplateSource): Promise<TSyncResult | null> {
  globalForSync.ssgFirstTemplateSync ??= syncTemplates(source)
    .catch((error: unknown) => {
      // Another process made the same rows at the same moment: its sync did the work.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
      throw error;
    })
    .finally(() => (globalForSync.ssgFirstTemplateSync = undefined));
  return globalForSync.ssgFirstTemplateSync;
}

export async function loadTemplates(source: TTemplateSource): Promise<TTemplateList> {
  let state = await getSyncState();
  let failure: { title: string; action: string } | null = null;
  if (!state?.succeededAt && (await db.whatsAppTemplate.count()) === 0) {
    const result = await syncOnce(source);
    if (result && !result.ok) failure = result;
    state = await getSyncState();
  }
  const templates = await listStoredTemplates();
  if (templates.length === 0 && failure) return { ok: false, title: failure.title, action: failure.action };
  return { ok: true, templates, syncedAt: state?.succeededAt ?? null, syncError: state?.error ?? null };
}
