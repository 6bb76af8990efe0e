// The portfolio's messaging limit as this installation knows it: Meta's tier as last read from
// the phone number (whatsapp_business_manager_messaging_limit) or reported by Meta's
// business_capability_update webhook (./capability-apply.ts), else the tier an owner set.
// Meta's is read again when it is older than META_MAX_AGE_MS, by whoever needs the limit first
// (the dispatcher before a business-initiated send, or an owner's "Check now").
import "server-only";
import { db, type TDb } from "@/lib/db";
import { storableText } from "@/lib/whatsapp/webhook-fields";
import { DEFAULT_MESSAGING_LIMIT_TIER, isKnownTier, tierLimit } from "@/lib/whatsapp-usage/tiers";

export const META_MAX_AGE_MS = 6 * 60 * 60 * 1000;
export const LIMIT_SETTING_ROW = "default";
const ROW = LIMIT_SETTING_ROW;

/** Reads Meta's tier string (undefined when the phone number does not report one). */
export type TReadMetaTier = () => Promise<string | undefined>;

export type TMessagingLimit = {
  tier: string;
  /** null: unlimited. */
  limit: number | null;
  source: "meta" | "setting";
  metaCheckedAt: Date | null;
  metaError: string | null;
  fallbackTier: string;
};

type TSettingRow = { metaTier: string | null; metaCheckedAt: Date | null; metaError: string | null; fallbackTier: string };

export function fromRow(row: TSettingRow | null): TMessagingLimit {
  const fallbackTier = row && isKnownTier(row.fallbackTier) ? row.fallbackTier : DEFAULT_MESSAGING_LIMIT_TIER;
  const meta = row?.metaTier && isKnownTier(row.metaTier) ? row.metaTier : null;
  const tier = meta ?? fallbackTier;
  return { tier, limit: tierLimit(tier) ?? null, source: meta ? "meta" : "setting", metaCheckedAt: row?.metaCheckedAt ?? null, metaError: row?.metaError ?? null, fallbackTier };
}

/** The limit as stored, without asking Meta (pages and the banner). */
export async function storedMessagingLimit(client: TDb = db): Promise<TMessagingLimit> {
  return fromRow(await client.whatsAppLimitSetting.findUnique({ where: { id: ROW } }));
}

/** Asks Meta now and stores the answer (or why there was none); a failed read keeps the last good tier. */
export async function refreshMetaTier(readMetaTier: TReadMetaTier, now = new Date(), client: TDb = db): Promise<TMessagingLimit> {
  let change: { metaTier?: string | null; metaTierAt?: Date; metaError: string | null };
  try {
    const tier = await readMetaTier();
    change = isKnownTier(tier) ? { metaTier: tier, metaTierAt: now, metaError: null } : { metaTier: null, metaError: tier ? `Meta reported an unknown tier "${storableText(tier, 40)}".` : "Meta did not report a messaging limit for this number." };
  } catch (error) {
    change = { metaError: storableText(error instanceof Error ? error.message : String(error), 300) };
  }
  const row = await client.whatsAppLimitSetting.upsert({
    where: { id: ROW },
    create: { id: ROW, ...change, metaCheckedAt: now },
    update: { ...change, metaCheckedAt: now },
  });
  return fromRow(row);
}

/** The limit to enforce now: Meta's, read again when stale. */
export async function currentMessagingLimit(readMetaTier: TReadMetaTier | undefined, now = new Date(), client: TDb = db): Promise<TMessagingLimit> {
  const stored = await storedMessagingLimit(client);
  const stale = !stored.metaCheckedAt || now.getTime() - stored.metaCheckedAt.getTime() >= META_MAX_AGE_MS;
  return readMetaTier && stale ? refreshMetaTier(readMetaTier, now, client) : stored;
}

/** An owner's tier for when Meta's is unknown. */
export async function saveFallbackTier(tier: string, client: TDb = db): Promise<void> {
  await client.whatsAppLimitSetting.upsert({ where: { id: ROW }, create: { id: ROW, fallbackTier: tier }, update: { fallbackTier: tier } });
}
