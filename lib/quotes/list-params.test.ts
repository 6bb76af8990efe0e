import { describe, expect, it } from "vitest";
import { parseQuoteListParams, quoteListHref } from "@/lib/quotes/list-params";

describe("quote list params", () => {
  it("reads a bookmarked view", () => {
    expect(parseQuoteListParams({ q: " Ann ", status: "quoted", sort: "budget", dir: "asc", page: "3" })).toEqual({ q: "Ann", status: "quoted", sort: "budget", dir: "asc", page: 3 });
  });

  it("falls back to defaults for anything unreadable", () => {
    expect(parseQuoteListParams({ status: "lost", sort: "; DROP TABLE", dir: "up", page: "-4" })).toEqual({ q: "", status: undefined, sort: "received", dir: "desc", page: 1 });
    expect(parseQuoteListParams({ page: ["2", "9"] }).page).toBe(2);
  });

  it("writes short URLs and resets nothing it was not asked to", () => {
    const params = parseQuoteListParams({ q: "ann", status: "new" });
    expect(quoteListHref(params, { page: 2 })).toBe("/admin/quotes?q=ann&status=new&page=2");
    expect(quoteListHref(parseQuoteListParams({}), {})).toBe("/admin/quotes");
  });
});
