// What WhatsApp cost per week, estimated from Meta's pricing on each message and the business's
// own per-category rates. Pure. Which messages are billable is Meta's word (the webhook's
// `billable`, or, where Meta leaves it out, a `regular` pricing type), never a rule of ours:
// Meta bills service replies too from October 2026, and a service rate is set like any other.

/** The categories the settings page asks a rate for; other categories Meta names still count. */
export const RATE_CATEGORIES = ["marketing", "utility", "authentication", "service"] as const;

const CATEGORY_LABEL: Record<string, string> = {
  marketing: "Marketing",
  marketing_lite: "Marketing lite",
  utility: "Utility",
  authentication: "Authentication",
  authentication_international: "Authentication (international)",
  service: "Service",
  unknown: "Unknown",
};

export const categoryLabel = (category: string) => CATEGORY_LABEL[category] ?? category;

/** Priced messages of one week, grouped as the database returns them. */
export type TPricedGroup = { week: number; category: string | null; type: string | null; billable: boolean | null; count: number };

export type TWeekCost = {
  weekStart: string;
  free: number;
  /** Billable messages per category, largest first. */
  billable: { category: string; count: number }[];
  billableTotal: number;
  /** Sum of billable × rate, in millionths of the business's currency (rounded only to be shown). */
  estimateMicros: number;
  /** Billable categories this week with no rate set (counted at 0). */
  unrated: string[];
};

function isBillable(group: Pick<TPricedGroup, "billable" | "type">): boolean {
  return group.billable ?? group.type === "regular";
}

/** `ratesMicros`: the rate of each category, in millionths of the currency's unit. */
export function weeklyCost(weekStarts: readonly string[], groups: readonly TPricedGroup[], ratesMicros: ReadonlyMap<string, number>): TWeekCost[] {
  return weekStarts.map((weekStart, week) => {
    const billable = new Map<string, number>();
    let free = 0;
    for (const group of groups) {
      if (group.week !== week) continue;
      if (!isBillable(group)) {
        free += group.count;
        continue;
      }
      const category = group.category || "unknown";
      billable.set(category, (billable.get(category) ?? 0) + group.count);
    }
    const rows = [...billable].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
    return {
      weekStart,
      free,
      billable: rows,
      billableTotal: rows.reduce((sum, row) => sum + row.count, 0),
      estimateMicros: rows.reduce((sum, row) => sum + row.count * (ratesMicros.get(row.category) ?? 0), 0),
      unrated: rows.filter((row) => !ratesMicros.has(row.category)).map((row) => row.category),
    };
  });
}

/** An estimate in whole cents, for display: 1,000 messages at R 0.0043 are R 4.30. */
export function estimateCentsForDisplay(micros: number): number {
  return Math.round(micros / 10_000);
}
