// The template sync on a schedule, beside the outbox (web server or `npm run worker`): at start
// when the list was never synced, then every TEMPLATE_SYNC_HOURS. Every process on the database
// checks now and then, and one conditional UPDATE decides which of them runs a due sync, so
// several instances sync once between them.
import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { SYNC_ID } from "@/lib/templates/queries";
import { syncTemplates, type TTemplateSource } from "@/lib/templates/sync";

/** A sync that started this long ago and never finished (its process died) is started again. */
const STALE_START_MS = 10 * 60_000;

/**
 * Takes the due sync for this process: true when no sync succeeded for `intervalMs` (or ever)
 * and none is running. Taken with one UPDATE, so two processes never both get it.
 */
export async function claimDueSync(now: Date, intervalMs: number): Promise<boolean> {
  await db.whatsAppTemplateSync.upsert({ where: { id: SYNC_ID }, create: { id: SYNC_ID }, update: {} });
  const dueBefore = new Date(now.getTime() - intervalMs);
  const staleBefore = new Date(now.getTime() - STALE_START_MS);
  const { count } = await db.whatsAppTemplateSync.updateMany({
    where: {
      id: SYNC_ID,
      OR: [{ succeededAt: null }, { succeededAt: { lt: dueBefore } }],
      // Not running: never started, finished since it started, or started so long ago it died.
      AND: [{ OR: [{ startedAt: null }, { startedAt: { lt: staleBefore } }, { finishedAt: { gte: db.whatsAppTemplateSync.fields.startedAt } }] }],
    },
    data: { startedAt: now },
  });
  return count === 1;
}

export type TTemplateSchedule = { stop(): void; runOnce(now?: Date): Promise<boolean> };

export function startTemplateSchedule(source: TTemplateSource, options: { intervalMs: number; checkEveryMs?: number }): TTemplateSchedule {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  async function runOnce(now = new Date()): Promise<boolean> {
    if (!(await claimDueSync(now, options.intervalMs))) return false;
    await syncTemplates(source, { now });
    return true;
  }
  const tick = async () => {
    try {
      await runOnce();
    } catch (error) {
      log.error("templates: scheduled sync failed", { error });
    }
    if (!stopped) timer = setTimeout(() => void tick(), options.checkEveryMs ?? 5 * 60_000).unref();
  };
  void tick();
  return {
    runOnce,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
