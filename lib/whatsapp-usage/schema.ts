// The limits-and-rates settings form, used by the form (zodResolver) and the action alike.
// Client-safe. Rates are per billable message in the business's currency, at most two decimals
// ("0.15"); left empty, a category has no rate (counted at 0 and flagged as unrated).
import { z } from "zod";
import { parseMoneyToCents } from "@/lib/money";
import { RATE_CATEGORIES } from "@/lib/whatsapp-usage/cost-estimate";
import { MESSAGING_LIMIT_TIERS } from "@/lib/whatsapp-usage/tiers";

/** The cents of a rate typed by a person; null for an empty field, undefined when it is not a rate. */
export function rateToCents(input: string): number | null | undefined {
  const trimmed = input.trim();
  if (!trimmed) return null;
  // Three digits after the last separator read as a thousands group ("0.015" as 15 cents), so a
  // rate, which is small, takes at most two decimals; a thousand is typed as 1000.
  if (/[.,]\d{3,}$/.test(trimmed)) return undefined;
  const cents = parseMoneyToCents(trimmed);
  return cents === null || cents < 0 || cents > 100_000_00 ? undefined : cents;
}

const ZRate = z
  .string()
  .max(20, "Keep it short: an amount such as 0.15.")
  .refine((value) => rateToCents(value) !== undefined, "Enter an amount such as 0.15 (at most two decimals), or leave it empty.");

export const ZUsageSettingsSchema = z.object({
  fallbackTier: z.enum(MESSAGING_LIMIT_TIERS, { message: "Choose one of Meta's messaging limits." }),
  ...(Object.fromEntries(RATE_CATEGORIES.map((category) => [category, ZRate])) as Record<(typeof RATE_CATEGORIES)[number], typeof ZRate>),
});

export type TUsageSettingsInput = z.infer<typeof ZUsageSettingsSchema>;
