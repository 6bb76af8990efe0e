// The weekly WhatsApp cost on a real database: priced messages bucketed by the business's weeks,
// free apart from billable by category, and the estimate from the saved rates (none built in).
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { whatsappCostByWeek } from "@/lib/dashboard/whatsapp-cost";
import { saveRates } from "@/lib/whatsapp-usage/rates";
import { estimateCentsForDisplay, weeklyCost } from "@/lib/whatsapp-usage/cost-estimate";

// A Thursday; the business's week (Africa/Johannesburg, UTC+2) began on Monday 2026-11-30 at 00:00 there.
const now = new Date("2026-12-03T10:00:00Z");
const thisWeek = new Date("2026-12-01T08:00:00Z");
const lastWeek = new Date("2026-11-24T08:00:00Z");

let n = 0;
function priced(at: Date, category: string, type: string, billable: boolean | null) {
  return db.message.create({
    data: { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "template", status: "delivered", providerMessageId: `wamid.cost-${++n}`, pricedAt: at, pricingCategory: category, pricingType: type, pricingBillable: billable, pricingModel: "PMP" },
  });
}

beforeEach(async () => {
  await db.message.deleteMany();
  await db.whatsAppRate.deleteMany();
});

describe("whatsappCostByWeek", () => {
  it("counts free and billable messages per week and category, and estimates from the rates", async () => {
    await priced(thisWeek, "utility", "regular", true);
    await priced(thisWeek, "utility", "regular", true);
    await priced(thisWeek, "marketing", "regular", true);
    await priced(thisWeek, "service", "free_customer_service", false);
    await priced(thisWeek, "utility", "free_customer_service", false);
    await priced(lastWeek, "service", "regular", true);
    // The business's Monday begins at 22:00 UTC on Sunday: this one is still last week's.
    await priced(new Date("2026-11-29T21:59:59Z"), "authentication", "regular", true);
    await saveRates({ utility: 4_300, marketing: 680_000, service: 100_000 });

    const { weeks } = await whatsappCostByWeek(now);
    expect(weeks).toHaveLength(8);
    expect(weeks.at(-1)).toEqual({
      weekStart: "2026-11-30",
      free: 2,
      billable: [
        { category: "utility", count: 2 },
        { category: "marketing", count: 1 },
      ],
      billableTotal: 3,
      estimateMicros: 2 * 4_300 + 680_000,
      unrated: [],
    });
    expect(weeks.at(-2)).toMatchObject({ weekStart: "2026-11-23", free: 0, billableTotal: 2, estimateMicros: 100_000, unrated: ["authentication"] });
    expect(weeks.slice(0, 6).every((week) => week.billableTotal === 0 && week.free === 0)).toBe(true);
  });

  it("estimates nothing until a rate is set, and uses a rate saved later for every week", async () => {
    await priced(thisWeek, "marketing", "regular", true);
    expect((await whatsappCostByWeek(now)).weeks.at(-1)).toMatchObject({ estimateMicros: 0, unrated: ["marketing"] });
    await saveRates({ marketing: 700_000 });
    expect((await whatsappCostByWeek(now)).weeks.at(-1)).toMatchObject({ estimateMicros: 700_000, unrated: [] });
    await saveRates({ marketing: null });
    expect((await whatsappCostByWeek(now)).ratedCategories).toEqual([]);
  });
});

describe("weeklyCost", () => {
  it("takes Meta's billable when given, else counts a regular pricing type as billable", () => {
    const [week] = weeklyCost(["2026-11-30"], [
      { week: 0, category: "service", type: "regular", billable: null, count: 4 },
      { week: 0, category: "service", type: "free_entry_point", billable: null, count: 3 },
      { week: 0, category: null, type: "regular", billable: true, count: 1 },
    ], new Map([["service", 50_000]]));
    expect(week).toMatchObject({ free: 3, billable: [{ category: "service", count: 4 }, { category: "unknown", count: 1 }], estimateMicros: 200_000, unrated: ["unknown"] });
  });

  it("adds rates below a cent exactly and rounds only the amount shown", () => {
    // 1,001 utility messages at R 0.0043: R 4.3043, shown as R 4.30.
    const [week] = weeklyCost(["2026-11-30"], [{ week: 0, category: "utility", type: "regular", billable: true, count: 1_001 }], new Map([["utility", 4_300]]));
    expect(week!.estimateMicros).toBe(4_304_300);
    expect(estimateCentsForDisplay(week!.estimateMicros)).toBe(430);
    expect([estimateCentsForDisplay(4_300), estimateCentsForDisplay(5_000), estimateCentsForDisplay(0)]).toEqual([0, 1, 0]);
  });
});
