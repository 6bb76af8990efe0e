import { describe, expect, it } from "vitest";
import {
  DEFAULT_QUOTE_LIST_PARAMS,
  parseQuoteListParams,
  quoteListHref,
  quoteSearchGroups,
  sortHref,
  ZQuoteListParamsSchema,
} from "@/lib/quotes/list-params";

describe("quote list params", () => {
  it("reads a bookmarked view", () => {
    expect(parseQuoteListParams({ q: " Ann ", status: "quoted", sort: "budget", dir: "asc", page: "3" })).toEqual({
      q: "Ann",
      status: "quoted",
      sort: "budget",
      dir: "asc",
      page: 3,
    });
  });

  it("uses the defaults for an empty URL", () => {
    expect(DEFAULT_QUOTE_LIST_PARAMS).toEqual({ q: "", status: undefined, sort: "received", dir: "desc", page: 1 });
    expect(ZQuoteListParamsSchema.parse({})).toEqual(DEFAULT_QUOTE_LIST_PARAMS);
  });

  it("falls back to defaults for anything unreadable, one parameter at a time", () => {
    expect(parseQuoteListParams({ status: "lost", sort: "; DROP TABLE", dir: "up", page: "-4" })).toEqual(DEFAULT_QUOTE_LIST_PARAMS);
    expect(parseQuoteListParams({ page: "2.5" }).page).toBe(1);
    expect(parseQuoteListParams({ page: "abc", sort: "needed" })).toMatchObject({ page: 1, sort: "needed" });
    expect(parseQuoteListParams({ page: "9999999" }).page).toBe(1);
    expect(parseQuoteListParams({ page: ["2", "9"] }).page).toBe(2);
    expect(parseQuoteListParams({ q: ["thabo", "ann"] }).q).toBe("thabo");
  });

  it("shortens an over-long search instead of dropping it", () => {
    const q = parseQuoteListParams({ q: `${"a".repeat(150)}` }).q;
    expect(q).toHaveLength(100);
  });

  it("writes short URLs and changes only what it was asked to", () => {
    const params = parseQuoteListParams({ q: "ann", status: "new" });
    expect(quoteListHref(params, { page: 2 })).toBe("/admin/quotes?q=ann&status=new&page=2");
    expect(quoteListHref(DEFAULT_QUOTE_LIST_PARAMS)).toBe("/admin/quotes");
    expect(quoteListHref(DEFAULT_QUOTE_LIST_PARAMS, { q: "a&b=c" })).toBe("/admin/quotes?q=a%26b%3Dc");
    expect(parseQuoteListParams(Object.fromEntries(new URLSearchParams(quoteListHref(params, { sort: "needed", dir: "asc", page: 4 }).split("?")[1])))).toEqual({
      ...params,
      sort: "needed",
      dir: "asc",
      page: 4,
    });
  });

  it("sorts a new column in its natural direction and flips the current one, from page 1", () => {
    const onPage3 = parseQuoteListParams({ page: "3" });
    expect(sortHref(onPage3, "needed")).toBe("/admin/quotes?sort=needed&dir=asc");
    expect(sortHref(onPage3, "budget")).toBe("/admin/quotes?sort=budget");
    expect(sortHref(onPage3, "received")).toBe("/admin/quotes?dir=asc");
    expect(sortHref(parseQuoteListParams({ sort: "needed", dir: "asc" }), "needed")).toBe("/admin/quotes?sort=needed");
  });
});

describe("quoteSearchGroups", () => {
  it("matches every word, in any order", () => {
    expect(quoteSearchGroups("  Lerato   DLAMINI ", "27")).toEqual([["lerato"], ["dlamini"]]);
    expect(quoteSearchGroups("", "27")).toEqual([]);
  });

  it("finds a phone number typed the local or the international way", () => {
    expect(quoteSearchGroups("082 123 4567", "27")).toEqual([["27821234567"]]);
    expect(quoteSearchGroups("+27 82 123-4567", "27")).toEqual([["27821234567"]]);
    expect(quoteSearchGroups("(082) 123 4567", "27")).toEqual([["27821234567"]]);
    expect(quoteSearchGroups("27821234567", "27")).toEqual([["27821234567"]]);
  });

  it("keeps digits that may be part of a quote number", () => {
    expect(quoteSearchGroups("0042", "27")).toEqual([["0042", "27042"]]);
    expect(quoteSearchGroups("Q-2026-0042", "27")).toEqual([["q-2026-0042"]]);
    expect(quoteSearchGroups("2026-0042", "27")).toEqual([["2026-0042", "20260042"]]);
  });

  it("leaves emails and short numbers alone", () => {
    expect(quoteSearchGroups("Ann99@example.com", "27")).toEqual([["ann99@example.com"]]);
    expect(quoteSearchGroups("thabo 12", "27")).toEqual([["thabo"], ["12"]]);
  });

  it("reads at most five words", () => {
    expect(quoteSearchGroups("a b c d e f g", "27")).toHaveLength(5);
  });
});
