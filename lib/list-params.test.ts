import { describe, expect, it } from "vitest";
import { listHref, sortChoices } from "@/lib/list-params";

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
