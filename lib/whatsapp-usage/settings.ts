// Saving the limits-and-rates settings: the tier used while Meta's is unknown, and the rates.
import "server-only";
import { RATE_CATEGORIES } from "@/lib/whatsapp-usage/cost-estimate";
import { saveFallbackTier } from "@/lib/whatsapp-usage/limit-setting";
import { saveRates } from "@/lib/whatsapp-usage/rates";
import { rateToMicros, type TUsageSettingsInput } from "@/lib/whatsapp-usage/schema";

export async function saveUsageSettings(input: TUsageSettingsInput): Promise<void> {
  await saveFallbackTier(input.fallbackTier);
  // An empty field removes the rate: the category is unrated again.
  await saveRates(Object.fromEntries(RATE_CATEGORIES.map((category) => [category, rateToMicros(input[category]) ?? null])));
}
