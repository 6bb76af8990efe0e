// The customer list's view, read from the URL so it can be bookmarked and shared. Anything
// unreadable falls back to its default instead of failing the page. Client-safe.
import { z } from "zod";
import { zSearchText } from "@/lib/list-params";
import { CONTACT_PREFERENCES } from "@/lib/quotes/request-schema";

export const CUSTOMER_SORTS = ["created", "name"] as const;
export type TCustomerSort = (typeof CUSTOMER_SORTS)[number];
export type TSortDirection = "asc" | "desc";

export const CUSTOMER_SORT_LABEL: Record<TCustomerSort, string> = {
  created: "Customer since",
  name: "Name",
};

/** The direction a column sorts in when first chosen: newest customers first, names A to Z. */
export const FIRST_SORT_DIRECTION: Record<TCustomerSort, TSortDirection> = {
  created: "desc",
  name: "asc",
};

export const PAGE_SIZE = 25;
export const MAX_PAGE = 100_000;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const ZCustomerListParamsSchema = z.object({
  q: zSearchText,
  preference: z.preprocess(first, z.enum(CONTACT_PREFERENCES).optional().catch(undefined)),
  sort: z.preprocess(first, z.enum(CUSTOMER_SORTS).catch("created")),
  dir: z.preprocess(first, z.enum(["asc", "desc"]).optional().catch(undefined)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE).catch(1)),
})
  // Without a direction in the URL a column sorts its natural way: "?sort=name" is A to Z.
  .transform(({ dir, ...rest }) => ({ ...rest, dir: dir ?? FIRST_SORT_DIRECTION[rest.sort] }));

export type TCustomerListParams = z.output<typeof ZCustomerListParamsSchema>;

export type TSearchParams = Record<string, string | string[] | undefined>;

export function parseCustomerListParams(searchParams: TSearchParams): TCustomerListParams {
  return ZCustomerListParamsSchema.parse(searchParams);
}

export const DEFAULT_CUSTOMER_LIST_PARAMS: TCustomerListParams = parseCustomerListParams({});

export const CUSTOMER_LIST_PATH = "/admin/customers";

/** The list's URL with some parameters changed; defaults are left out to keep URLs short. */
export function customerListHref(params: TCustomerListParams, change: Partial<TCustomerListParams> = {}): string {
  const next = { ...params, ...change };
  const query = new URLSearchParams();
  if (next.q) query.set("q", next.q);
  if (next.preference) query.set("preference", next.preference);
  if (next.sort !== "created") query.set("sort", next.sort);
  if (next.dir !== FIRST_SORT_DIRECTION[next.sort]) query.set("dir", next.dir);
  if (next.page > 1) query.set("page", String(next.page));
  const text = query.toString();
  return text ? `${CUSTOMER_LIST_PATH}?${text}` : CUSTOMER_LIST_PATH;
}

/** Where a click on a column header goes: the other direction if it is the sort now, else its first. */
export function sortHref(params: TCustomerListParams, sort: TCustomerSort): string {
  const dir = params.sort === sort ? (params.dir === "asc" ? "desc" : "asc") : FIRST_SORT_DIRECTION[sort];
  return customerListHref(params, { sort, dir, page: 1 });
}

const PHONE_LIKE = /^[\d\s()+.-]+$/;
const MAX_SEARCH_WORDS = 5;

export type TCustomerSearchTerm = { field: "text"; value: string } | { field: "phone"; value: string };

/**
 * What the search box matches: every term must match (words in any order, "dlamini lerato").
 * A word is looked for in the lower-cased name and email; a phone number typed the local way
 * ("082 123 4567", "+27 82 123 4567") is turned into the stored form, digits with country code
 * ("27821234567"), and looked for in the phone number only.
 */
export function customerSearchTerms(q: string, countryCallingCode: string): TCustomerSearchTerm[] {
  const text = q.trim().toLowerCase();
  if (!text) return [];
  const digitCount = text.replace(/\D/g, "").length;
  // A whole number typed with spaces is one term, not three words.
  const tokens = PHONE_LIKE.test(text) && digitCount >= 4 ? [text] : text.split(/\s+/).slice(0, MAX_SEARCH_WORDS);
  return tokens.map((token) => {
    const digits = token.replace(/\D/g, "");
    if (!PHONE_LIKE.test(token) || digits.length < 3) return { field: "text", value: token };
    // A leading 0 is the national trunk prefix: 082… is stored as 2782….
    const phone = digits.startsWith("0") && countryCallingCode ? `${countryCallingCode}${digits.slice(1)}` : digits;
    return { field: "phone", value: phone };
  });
}
