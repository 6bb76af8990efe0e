// The opt-out words setting: read for the settings page, written by an owner.
import "server-only";
import { db } from "@/lib/db";
import { OPT_OUT_SETTING_ID, extraOptOutWords } from "@/lib/customers/opt-out";

export type TOptOutWordsSetting = { words: string[]; updatedAt: Date | null };

export async function getOptOutWordsSetting(): Promise<TOptOutWordsSetting> {
  const row = await db.optOutSetting.findUnique({ where: { id: OPT_OUT_SETTING_ID }, select: { updatedAt: true } });
  return { words: await extraOptOutWords(db), updatedAt: row?.updatedAt ?? null };
}

/** `words` as parsed by ZOptOutWordsSchema: compared form, no repeats, no built-in words. */
export async function saveOptOutWords(words: readonly string[], actorId: string): Promise<TOptOutWordsSetting> {
  const row = await db.optOutSetting.upsert({
    where: { id: OPT_OUT_SETTING_ID },
    create: { id: OPT_OUT_SETTING_ID, words: JSON.stringify(words), updatedById: actorId },
    update: { words: JSON.stringify(words), updatedById: actorId },
  });
  return { words: [...words], updatedAt: row.updatedAt };
}
