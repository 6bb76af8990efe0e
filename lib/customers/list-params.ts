// The customer list's view, read from the URL so it can be bookmarked and shared. Anything
// unreadable falls back to its default instead of failing the page (see lib/list-params.ts for
// what every list shares). Client-safe.
import { z } from "zod";
import { listHref, nextSortDirection, zChoice, zOptionalChoice, zPage, zSearchText, type TSearchParams, type TSortDirection } from "@/lib/list-params";
import { CONTACT_PREFERENCES } from "@/lib/customers/preference-schema";

export const CUSTOMER_SORTS = ["created", "name"] as const;
export type TCustomerSort = (typeof CUSTOMER_SORTS)[number];

export const CUSTOMER_SORT_LABEL: Record<TCustomerSort, string> = {
  created: "Customer since",
  name: "Name",
};

/** The direction a column sorts in when first chosen: newest customers first, names A to Z. */
export const FIRST_SORT_DIRECTION: Record<TCustomerSort, TSortDirection> = {
  created: "desc",
  name: "asc",
};

export const ZCustomerListParamsSchema = z
  .object({
    q: zSearchText,
    preference: zOptionalChoice(CONTACT_PREFERENCES),
    sort: zChoice(CUSTOMER_SORTS, "created"),
    dir: zOptionalChoice(["asc", "desc"]),
    page: zPage,
  })
  // Without a direction in the URL a column sorts its natural way: "?sort=name" is A to Z.
  .transform(({ dir, ...rest }) => ({ ...rest, dir: dir ?? FIRST_SORT_DIRECTION[rest.sort] }));

export type TCustomerListParams = z.output<typeof ZCustomerListParamsSchema>;

export function parseCustomerListParams(searchParams: TSearchParams): TCustomerListParams {
  return ZCustomerListParamsSchema.parse(searchParams);
}

export const DEFAULT_CUSTOMER_LIST_PARAMS: TCustomerListParams = parseCustomerListParams({});

export const CUSTOMER_LIST_PATH = "/admin/customers";

/** The list's URL with some parameters changed; defaults are left out to keep URLs short. */
export function customerListHref(params: TCustomerListParams, change: Partial<TCustomerListParams> = {}): string {
  const next = { ...params, ...change };
  return listHref(CUSTOMER_LIST_PATH, [
    ["q", next.q],
    ["preference", next.preference],
    ["sort", next.sort, "created"],
    ["dir", next.dir, FIRST_SORT_DIRECTION[next.sort]],
    ["page", next.page, 1],
  ]);
}

/** Where a click on a column header goes: the other direction if it is the sort now, else its first. */
export function sortHref(params: TCustomerListParams, sort: TCustomerSort): string {
  return customerListHref(params, { sort, dir: nextSortDirection(params, sort, FIRST_SORT_DIRECTION[sort]), page: 1 });
}
