import { ListFilters } from "@/components/list-filters";
import { sortChoices } from "@/lib/list-params";
import { ORDER_SORT_LABEL, ORDER_SORTS, ORDER_STATUS_FILTER_LABEL, ORDER_STATUS_FILTERS, type TOrderListParams } from "@/lib/orders/list-params";

const DIRECTION_LABEL = {
  created: { desc: "newest first", asc: "oldest first" },
  delivery: { asc: "soonest first", desc: "latest first" },
  total: { desc: "highest first", asc: "lowest first" },
  number: { desc: "newest first", asc: "oldest first" },
} as const;

const STATUS_OPTIONS = ORDER_STATUS_FILTERS.map((value) => ({ value, label: ORDER_STATUS_FILTER_LABEL[value] }));
const SORT_OPTIONS = sortChoices(ORDER_SORTS, ORDER_SORT_LABEL, DIRECTION_LABEL);

/** The order list's search, status filter and phone sort order (see components/list-filters). */
export function OrderFilters({ params }: { params: Pick<TOrderListParams, "q" | "status" | "sort" | "dir"> }) {
  return (
    <ListFilters
      idPrefix="order"
      searchLabel="Search orders"
      placeholder="Order or quote number, name, email or phone"
      q={params.q}
      status={params.status}
      allStatusesLabel="All statuses"
      statusOptions={STATUS_OPTIONS}
      sort={`${params.sort}:${params.dir}`}
      sortOptions={SORT_OPTIONS}
      defaultSort={{ sort: "created", dir: "desc" }}
    />
  );
}
