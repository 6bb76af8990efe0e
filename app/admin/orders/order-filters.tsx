import { ListFilters, type TListFilterConfig } from "@/components/list-filters";
import { sortChoices } from "@/lib/list-params";
import { ORDER_SORT_LABEL, ORDER_SORTS, ORDER_STATUS_FILTER_LABEL, ORDER_STATUS_FILTERS, type TOrderListParams } from "@/lib/orders/list-params";

const CONFIG: TListFilterConfig = {
  idPrefix: "order",
  searchLabel: "Search orders",
  placeholder: "Order or quote number, name, email or phone",
  statusOptions: ORDER_STATUS_FILTERS.map((value) => ({ value, label: ORDER_STATUS_FILTER_LABEL[value] })),
  sortOptions: sortChoices(ORDER_SORTS, ORDER_SORT_LABEL, {
    created: { desc: "newest first", asc: "oldest first" },
    delivery: { asc: "soonest first", desc: "latest first" },
    total: { desc: "highest first", asc: "lowest first" },
    number: { desc: "newest first", asc: "oldest first" },
  }),
  defaultSort: { sort: "created", dir: "desc" },
};

/** The order list's search, status filter and phone sort order (see components/list-filters). */
export function OrderFilters({ params }: { params: Pick<TOrderListParams, "q" | "status" | "sort" | "dir"> }) {
  return <ListFilters config={CONFIG} params={params} />;
}
