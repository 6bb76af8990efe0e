// The quote list's view, read from the URL so it can be bookmarked and shared. Anything
// unreadable falls back to its default instead of failing the page. Client-safe.
//
// Paging is by page number (offset), not by cursor: an admin can bookmark "page 3", see "page 3
// of 40" and jump to the last page, and listQuotes keeps deep pages cheap by paging over an index
// first (see lib/quotes/queries.ts). Searches are not counted: an exact count of a substring
// search is a full scan, so they page with "next" only.
import { z } from "zod";
import { QUOTE_STATUSES } from "@/lib/quotes/status";

export const QUOTE_SORTS = ["received", "needed", "budget", "number"] as const;
export type TQuoteSort = (typeof QUOTE_SORTS)[number];
export type TSortDirection = "asc" | "desc";

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

export const PAGE_SIZE = 25;
export const MAX_PAGE = 100_000;
export const MAX_SEARCH_LENGTH = 100;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const ZQuoteListParamsSchema = z.object({
  q: z.preprocess(
    first,
    z
      .string()
      .transform((value) => value.trim().slice(0, MAX_SEARCH_LENGTH).trim())
      .catch(""),
  ),
  status: z.preprocess(first, z.enum(QUOTE_STATUSES).optional().catch(undefined)),
  sort: z.preprocess(first, z.enum(QUOTE_SORTS).catch("received")),
  dir: z.preprocess(first, z.enum(["asc", "desc"]).catch("desc")),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE).catch(1)),
});

export type TQuoteListParams = z.infer<typeof ZQuoteListParamsSchema>;

export type TSearchParams = Record<string, string | string[] | undefined>;

export function parseQuoteListParams(searchParams: TSearchParams): TQuoteListParams {
  return ZQuoteListParamsSchema.parse(searchParams);
}

export const DEFAULT_QUOTE_LIST_PARAMS: TQuoteListParams = parseQuoteListParams({});

export const QUOTE_LIST_PATH = "/admin/quotes";

/** The list's URL with some parameters changed; defaults are left out to keep URLs short. */
export function quoteListHref(params: TQuoteListParams, change: Partial<TQuoteListParams> = {}): string {
  const next = { ...params, ...change };
  const query = new URLSearchParams();
  if (next.q) query.set("q", next.q);
  if (next.status) query.set("status", next.status);
  if (next.sort !== "received") query.set("sort", next.sort);
  if (next.dir !== "desc") query.set("dir", next.dir);
  if (next.page > 1) query.set("page", String(next.page));
  const text = query.toString();
  return text ? `${QUOTE_LIST_PATH}?${text}` : QUOTE_LIST_PATH;
}

/** Where a click on a column header goes: the other direction if it is the sort now, else its first. */
export function sortHref(params: TQuoteListParams, sort: TQuoteSort): string {
  const dir = params.sort === sort ? (params.dir === "asc" ? "desc" : "asc") : FIRST_SORT_DIRECTION[sort];
  return quoteListHref(params, { sort, dir, page: 1 });
}

const PHONE_LIKE = /^[\d\s()+.-]+$/;
const MAX_SEARCH_WORDS = 5;

/**
 * What the search box matches in Quote.searchText (lower-cased number, name, email and phone
 * digits): a list of groups that must all match, each a list of alternatives (substrings).
 * Words match in any order ("dlamini lerato"). A phone number typed the local way ("082 123 4567",
 * "+27 82 123 4567") matches its stored form, digits with country code ("27821234567").
 * Every alternative costs a LIKE per row on a search that scans, so there are as few as possible.
 */
export function quoteSearchGroups(q: string, countryCallingCode: string): string[][] {
  const text = q.trim().toLowerCase();
  if (!text) return [];
  const digitCount = text.replace(/\D/g, "").length;
  const tokens = PHONE_LIKE.test(text) && digitCount >= 4 ? [text] : text.split(/\s+/).slice(0, MAX_SEARCH_WORDS);
  return tokens.map((token) => {
    const phone = phoneForm(token, countryCallingCode);
    if (!phone) return [token];
    // Digits and dashes as typed may also be part of a quote number ("2026-0042", "0042").
    return /^[\d-]+$/.test(token) && token !== phone ? [token, phone] : [phone];
  });
}

function phoneForm(token: string, countryCallingCode: string): string | null {
  if (!PHONE_LIKE.test(token)) return null;
  const digits = token.replace(/\D/g, "");
  if (digits.length < 3) return null;
  // A leading 0 is the national trunk prefix: 082… is stored as 2782….
  return digits.startsWith("0") && countryCallingCode ? `${countryCallingCode}${digits.slice(1)}` : digits;
}
