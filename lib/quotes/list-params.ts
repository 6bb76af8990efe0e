// The quote list's view, read from the URL so it can be bookmarked and shared. Anything
// unreadable falls back to its default instead of failing the page (see lib/list-params.ts for
// what every list shares). Client-safe.
import { z } from "zod";
import { listHref, nextSortDirection, searchGroups, zChoice, zOptionalChoice, zPage, zSearchText, type TSearchParams, type TSortDirection } from "@/lib/list-params";
import { QUOTE_STATUSES } from "@/lib/quotes/status";

export { PAGE_SIZE, MAX_PAGE, MAX_SEARCH_LENGTH, type TSearchParams, type TSortDirection } from "@/lib/list-params";

export const QUOTE_SORTS = ["received", "needed", "budget", "number"] as const;
export type TQuoteSort = (typeof QUOTE_SORTS)[number];

export const QUOTE_SORT_LABEL: Record<TQuoteSort, string> = {
  received: "Received",
  needed: "Date needed",
  budget: "Budget",
  number: "Quote number",
};

/** The direction a column sorts in when first chosen: soonest date needed, otherwise newest or largest. */
export const FIRST_SORT_DIRECTION: Record<TQuoteSort, TSortDirection> = {
  received: "desc",
  needed: "asc",
  budget: "desc",
  number: "desc",
};

export const ZQuoteListParamsSchema = z.object({
  q: zSearchText,
  status: zOptionalChoice(QUOTE_STATUSES),
  sort: zChoice(QUOTE_SORTS, "received"),
  dir: zChoice(["asc", "desc"], "desc"),
  page: zPage,
});

export type TQuoteListParams = z.infer<typeof ZQuoteListParamsSchema>;

export function parseQuoteListParams(searchParams: TSearchParams): TQuoteListParams {
  return ZQuoteListParamsSchema.parse(searchParams);
}

export const DEFAULT_QUOTE_LIST_PARAMS: TQuoteListParams = parseQuoteListParams({});

export const QUOTE_LIST_PATH = "/admin/quotes";

/** The list's URL with some parameters changed; defaults are left out to keep URLs short. */
export function quoteListHref(params: TQuoteListParams, change: Partial<TQuoteListParams> = {}): string {
  const next = { ...params, ...change };
  return listHref(QUOTE_LIST_PATH, [
    ["q", next.q],
    ["status", next.status],
    ["sort", next.sort, "received"],
    ["dir", next.dir, "desc"],
    ["page", next.page, 1],
  ]);
}

/** Where a click on a column header goes: the other direction if it is the sort now, else its first. */
export function sortHref(params: TQuoteListParams, sort: TQuoteSort): string {
  return quoteListHref(params, { sort, dir: nextSortDirection(params, sort, FIRST_SORT_DIRECTION[sort]), page: 1 });
}

/** The search box's words as LIKE groups on Quote.searchText (see lib/list-params). */
export const quoteSearchGroups = searchGroups;
