import { describe, expect, it } from "vitest";
import { addDays, startOfDayIn } from "@/lib/calendar";
import { lastWeekStarts, mondayOf, weekOf } from "@/lib/dashboard/calendar";

const JHB = "Africa/Johannesburg"; // UTC+2, no daylight saving

describe("business calendar", () => {
  it("finds the Monday–Sunday week in the business's time zone, across month and year ends", () => {
    // 23:30 UTC on Sunday 7 June is already Monday 8 June in Johannesburg.
    expect(weekOf("UTC", new Date("2026-06-07T23:30:00Z"))).toEqual({ start: "2026-06-01", end: "2026-06-07" });
    expect(weekOf(JHB, new Date("2026-06-07T23:30:00Z"))).toEqual({ start: "2026-06-08", end: "2026-06-14" });
    expect(weekOf(JHB, new Date("2026-06-07T12:00:00Z"))).toEqual({ start: "2026-06-01", end: "2026-06-07" });
    expect(mondayOf("2027-01-01")).toBe("2026-12-28"); // a Friday
    expect(mondayOf("2026-06-08")).toBe("2026-06-08");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("turns a business day's midnight into its UTC instant, daylight saving included", () => {
    expect(startOfDayIn("2026-06-08", JHB).toISOString()).toBe("2026-06-07T22:00:00.000Z");
    expect(startOfDayIn("2026-06-08", "UTC").toISOString()).toBe("2026-06-08T00:00:00.000Z");
    // London: winter UTC+0, summer UTC+1 (the clocks went forward on 29 March 2026).
    expect(startOfDayIn("2026-03-28", "Europe/London").toISOString()).toBe("2026-03-28T00:00:00.000Z");
    expect(startOfDayIn("2026-03-30", "Europe/London").toISOString()).toBe("2026-03-29T23:00:00.000Z");
  });

  it("lists the last weeks' Mondays, oldest first, ending with the current week", () => {
    expect(lastWeekStarts(JHB, new Date("2026-06-10T08:00:00Z"), 3)).toEqual(["2026-05-25", "2026-06-01", "2026-06-08"]);
  });
});
