// The business's per-message rates by pricing category, in its own currency (BUSINESS_CURRENCY),
// for the cost estimate. None is built in: a category without a saved rate counts as 0 and is
// flagged as unrated. A rate saved in another currency (the business changed it) is not used.
// Stored as millionths of the currency's unit (a BigInt column), handed out as plain numbers:
// every real rate is far below the largest safe integer.
import "server-only";
import { db, type TDb } from "@/lib/db";
import { env } from "@/lib/env";

export type TRate = { category: string; amountMicros: number; currency: string; updatedAt: Date };

export async function listRates(client: TDb = db): Promise<TRate[]> {
  const rows = await client.whatsAppRate.findMany({ orderBy: { category: "asc" } });
  return rows.map((row) => ({ ...row, amountMicros: Number(row.amountMicros) }));
}

/** Rates usable for the estimate, in millionths: those in the business's currency. */
export async function ratesInBusinessCurrency(client: TDb = db): Promise<Map<string, number>> {
  const rates = await listRates(client);
  return new Map(rates.filter((rate) => rate.currency === env.BUSINESS_CURRENCY).map((rate) => [rate.category, rate.amountMicros]));
}

/** Saves the given rates (millionths of the unit per billable message); a null rate is removed (unrated again). */
export async function saveRates(rates: Record<string, number | null>, client: TDb = db): Promise<void> {
  const currency = env.BUSINESS_CURRENCY;
  await client.$transaction(async (tx) => {
    for (const [category, micros] of Object.entries(rates)) {
      if (micros === null) {
        await tx.whatsAppRate.deleteMany({ where: { category } });
        continue;
      }
      const amountMicros = BigInt(micros);
      await tx.whatsAppRate.upsert({ where: { category }, create: { category, amountMicros, currency }, update: { amountMicros, currency } });
    }
  });
}
