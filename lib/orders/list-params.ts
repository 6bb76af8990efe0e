// The order list's view, read from the URL so it can be bookmarked and shared. Anything
// unreadable falls back to its default instead of failing the page (see lib/list-params.ts for
// what every list shares). Client-safe.
import { z } from "zod";
import { listHref, nextSortDirection, zChoice, zOptionalChoice, zPage, zSearchText, type TSearchParams, type TSortDirection } from "@/lib/list-params";
import { ORDER_STATUS_LABEL, ORDER_STATUSES, type TOrderStatus } from "@/lib/orders/status";

export const ORDER_SORTS = ["created", "delivery", "total", "number"] as const;
export type TOrderSort = (typeof ORDER_SORTS)[number];

export const ORDER_SORT_LABEL: Record<TOrderSort, string> = {
  created: "Created",
  delivery: "Delivery date",
  total: "Total",
  number: "Order number",
};

/** The direction a column sorts in when first chosen: soonest delivery, otherwise newest or largest. */
export const FIRST_ORDER_SORT_DIRECTION: Record<TOrderSort, TSortDirection> = {
  created: "desc",
  delivery: "asc",
  total: "desc",
  number: "desc",
};

/** The status filter: one status, or every order still open (not delivered or cancelled). */
export const ORDER_STATUS_FILTERS = ["open", ...ORDER_STATUSES] as const;
export type TOrderStatusFilter = (typeof ORDER_STATUS_FILTERS)[number];

export const ORDER_STATUS_FILTER_LABEL: Record<TOrderStatusFilter, string> = { open: "Open (not delivered)", ...ORDER_STATUS_LABEL };

export const ZOrderListParamsSchema = z.object({
  q: zSearchText,
  status: zOptionalChoice(ORDER_STATUS_FILTERS),
  sort: zChoice(ORDER_SORTS, "created"),
  dir: zChoice(["asc", "desc"], "desc"),
  page: zPage,
});

export type TOrderListParams = z.infer<typeof ZOrderListParamsSchema>;

export function parseOrderListParams(searchParams: TSearchParams): TOrderListParams {
  return ZOrderListParamsSchema.parse(searchParams);
}

export const DEFAULT_ORDER_LIST_PARAMS: TOrderListParams = parseOrderListParams({});

export const ORDER_LIST_PATH = "/admin/orders";

/** The list's URL with some parameters changed; defaults are left out to keep URLs short. */
export function orderListHref(params: TOrderListParams, change: Partial<TOrderListParams> = {}): string {
  const next = { ...params, ...change };
  return listHref(ORDER_LIST_PATH, [
    ["q", next.q],
    ["status", next.status],
    ["sort", next.sort, "created"],
    ["dir", next.dir, "desc"],
    ["page", next.page, 1],
  ]);
}

/** The list filtered to one status (or "open"), from the dashboard. */
export const orderListWithStatus = (status: TOrderStatus | "open") => orderListHref(DEFAULT_ORDER_LIST_PARAMS, { status });

/** Where a click on a column header goes: the other direction if it is the sort now, else its first. */
export function orderSortHref(params: TOrderListParams, sort: TOrderSort): string {
  return orderListHref(params, { sort, dir: nextSortDirection(params, sort, FIRST_ORDER_SORT_DIRECTION[sort]), page: 1 });
}
