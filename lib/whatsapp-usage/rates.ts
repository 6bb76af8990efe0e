// The business's per-message rates by pricing category, in its own currency (BUSINESS_CURRENCY),
// for the cost estimate. None is built in: a category without a saved rate counts as 0 and is
// flagged as unrated. A rate saved in another currency (the business changed it) is not used.
import "server-only";
import { db, type TDb } from "@/lib/db";
import { env } from "@/lib/env";

export type TRate = { category: string; amountCents: number; currency: string; updatedAt: Date };

export function listRates(client: TDb = db): Promise<TRate[]> {
  return client.whatsAppRate.findMany({ orderBy: { category: "asc" } });
}

/** Rates usable for the estimate: those in the business's currency. */
export async function ratesInBusinessCurrency(client: TDb = db): Promise<Map<string, number>> {
  const rates = await listRates(client);
  return new Map(rates.filter((rate) => rate.currency === env.BUSINESS_CURRENCY).map((rate) => [rate.category, rate.amountCents]));
}

/** Saves the given rates (cents per billable message); a null rate is removed (unrated again). */
export async function saveRates(rates: Record<string, number | null>, client: TDb = db): Promise<void> {
  const currency = env.BUSINESS_CURRENCY;
  await client.$transaction(async (tx) => {
    for (const [category, amountCents] of Object.entries(rates)) {
      if (amountCents === null) await tx.whatsAppRate.deleteMany({ where: { category } });
      else await tx.whatsAppRate.upsert({ where: { category }, create: { category, amountCents, currency }, update: { amountCents, currency } });
    }
  });
}
