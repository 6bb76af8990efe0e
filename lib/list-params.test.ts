import { describe, expect, it } from "vitest";
import { lastPageOf, listHref, pastEndNotice, sortChoices } from "@/lib/list-params";

describe("listHref", () => {
  it("leaves out empty values and values at their default, and encodes the rest", () => {
    expect(listHref("/admin/x", [["q", ""], ["status", undefined], ["sort", "created", "created"], ["page", 1, 1]])).toBe("/admin/x");
    expect(listHref("/admin/x", [["q", "a&b"], ["page", 3, 1]])).toBe("/admin/x?q=a%26b&page=3");
  });
});

describe("sortChoices", () => {
  it("lists each sort in each of its directions, in the order given, as sort:dir", () => {
    expect(sortChoices(["delivery", "total"] as const, { delivery: "Delivery date", total: "Total" }, {
      delivery: { asc: "soonest first", desc: "latest first" },
      total: { desc: "highest first" },
    })).toEqual([
      { value: "delivery:asc", label: "Delivery date, soonest first" },
      { value: "delivery:desc", label: "Delivery date, latest first" },
      { value: "total:desc", label: "Total, highest first" },
    ]);
  });
});

describe("pastEndNotice", () => {
  it("points a page past the end of a counted list at its last page", () => {
    // 870 rows at 25 a page are 35 pages: page 99 is past the end.
    expect(pastEndNotice(99, 0, 870)).toEqual({ message: "No rows on page 99; there are 35 pages.", page: 35, label: "Go to page 35" });
    expect(pastEndNotice(3, 0, 20)).toEqual({ message: "No rows on page 3; there is 1 page.", page: 1, label: "Go to page 1" });
    expect(pastEndNotice(4, 0, 120, 50)?.page).toBe(3);
  });

  it("sends a search, which is not counted, back to its first page", () => {
    expect(pastEndNotice(7, 0, null)).toEqual({ message: "No rows on page 7: these results end before it.", page: 1, label: "Go to the first page" });
  });

  it("says nothing on a page with rows, on the first page, or for an empty list", () => {
    expect(pastEndNotice(2, 5, 30)).toBeNull();
    expect(pastEndNotice(1, 0, 0)).toBeNull();
    expect(pastEndNotice(1, 0, null)).toBeNull();
    expect(pastEndNotice(5, 0, 0)).toBeNull();
  });

  it("counts the last page as the one that holds the last row", () => {
    expect(lastPageOf(0)).toBe(1);
    expect(lastPageOf(25)).toBe(1);
    expect(lastPageOf(26)).toBe(2);
    expect(lastPageOf(870)).toBe(35);
  });
});
