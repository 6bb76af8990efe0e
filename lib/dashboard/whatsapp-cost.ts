// The dashboard's WhatsApp cost card: per business week, the priced messages (free, and billable
// by category) and the estimate from the business's rates. One GROUP BY over the pricedAt index
// range, a handful of rows whatever the volume.
import "server-only";
import { db } from "@/lib/db";
import { businessWeeks, weekIndexSql } from "@/lib/dashboard/week-buckets";
import { weeklyCost, type TPricedGroup, type TWeekCost } from "@/lib/whatsapp-usage/cost-estimate";
import { ratesInBusinessCurrency } from "@/lib/whatsapp-usage/rates";

type TRow = { week: number | bigint; category: string | null; type: string | null; billable: boolean | number | bigint | null; count: number | bigint };

/** SQLite returns a boolean column as 0 / 1. */
const asBoolean = (value: TRow["billable"]) => (value === null ? null : typeof value === "boolean" ? value : Number(value) !== 0);

async function pricedGroups(starts: Date[], end: Date): Promise<TPricedGroup[]> {
  const rows = await db.$queryRaw<TRow[]>`
    SELECT ${weekIndexSql("pricedAt", starts)} AS "week", "pricingCategory" AS "category", "pricingType" AS "type", "pricingBillable" AS "billable", COUNT(*) AS "count"
    FROM "Message"
    WHERE "pricedAt" >= ${starts[0]} AND "pricedAt" < ${end}
    GROUP BY 1, 2, 3, 4`;
  return rows.map((row) => ({ week: Number(row.week), category: row.category, type: row.type, billable: asBoolean(row.billable), count: Number(row.count) }));
}

export async function whatsappCostByWeek(now = new Date(), weeks = 8): Promise<{ weeks: TWeekCost[]; ratedCategories: string[] }> {
  const { mondays, starts, end } = businessWeeks(now, weeks);
  const [groups, rates] = await Promise.all([pricedGroups(starts, end), ratesInBusinessCurrency()]);
  return { weeks: weeklyCost(mondays, groups, rates), ratedCategories: [...rates.keys()] };
}
