// Meta's messaging limit tiers: how many unique customers a business portfolio may reach with
// business-initiated messages in any 24 hours. Client-safe (the settings form lists them).

/** The tiers an owner can pick (Meta's current ones, since October 2025). */
export const MESSAGING_LIMIT_TIERS = ["TIER_250", "TIER_2K", "TIER_10K", "TIER_100K", "TIER_UNLIMITED"] as const;
export type TMessagingLimitTier = (typeof MESSAGING_LIMIT_TIERS)[number];

export const DEFAULT_MESSAGING_LIMIT_TIER: TMessagingLimitTier = "TIER_250";

/**
 * The number of customers a tier allows; null means unlimited. Reads any `TIER_<n>[K]` Meta
 * sends, also the older ones of the deprecated `messaging_limit_tier` (TIER_50, TIER_1K), and
 * undefined for anything else (a tier this version does not know is not guessed at).
 */
export function tierLimit(tier: string): number | null | undefined {
  if (tier === "TIER_UNLIMITED") return null;
  const match = /^TIER_(\d+)(K?)$/.exec(tier);
  if (!match) return undefined;
  const limit = Number(match[1]) * (match[2] ? 1_000 : 1);
  return limit > 0 ? limit : undefined;
}

export function isKnownTier(tier: unknown): tier is string {
  return typeof tier === "string" && tierLimit(tier) !== undefined;
}

/** "250", "2,000", "Unlimited": for people. */
export function tierLabel(tier: string, locale = "en"): string {
  const limit = tierLimit(tier);
  if (limit === undefined) return tier;
  return limit === null ? "Unlimited" : new Intl.NumberFormat(locale).format(limit);
}
