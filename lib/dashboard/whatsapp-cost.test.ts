// The weekly WhatsApp cost on a real database: priced messages bucketed by the business's weeks,
// free apart from billable by category, and the estimate from the saved rates (none built in).
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { whatsappCostByWeek } from "@/lib/dashboard/whatsapp-cost";
import { saveRates } from "@/lib/whatsapp-usage/rates";
import { weeklyCost } from "@/lib/whatsapp-usage/cost-estimate";

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
    await saveRates({ utility: 15, marketing: 68, service: 10 });

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
      estimateCents: 2 * 15 + 68,
      unrated: [],
    });
    expect(weeks.at(-2)).toMatchObject({ weekStart: "2026-11-23", free: 0, billableTotal: 2, estimateCents: 10, unrated: ["authentication"] });
    expect(weeks.slice(0, 6).every((week) => week.billableTotal === 0 && week.free === 0)).toBe(true);
  });

  it("estimates nothing until a rate is set, and uses a rate saved later for every week", async () => {
    await priced(thisWeek, "marketing", "regular", true);
    expect((await whatsappCostByWeek(now)).weeks.at(-1)).toMatchObject({ estimateCents: 0, unrated: ["marketing"] });
    await saveRates({ marketing: 70 });
    expect((await whatsappCostByWeek(now)).weeks.at(-1)).toMatchObject({ estimateCents: 70, unrated: [] });
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
    ], new Map([["service", 5]]));
    expect(week).toMatchObject({ free: 3, billable: [{ category: "service", count: 4 }, { category: "unknown", count: 1 }], estimateCents: 20, unrated: ["unknown"] });
  });
});
