import { ListFilters, type TListFilterConfig } from "@/components/list-filters";
import { sortChoices } from "@/lib/list-params";
import { QUOTE_SORT_LABEL, QUOTE_SORTS, type TQuoteListParams } from "@/lib/quotes/list-params";
import { QUOTE_STATUSES, QUOTE_STATUS_LABEL } from "@/lib/quotes/status";

const CONFIG: TListFilterConfig = {
  idPrefix: "quote",
  searchLabel: "Search quotes",
  placeholder: "Number, name, email or phone",
  statusOptions: QUOTE_STATUSES.map((value) => ({ value, label: QUOTE_STATUS_LABEL[value] })),
  sortOptions: sortChoices(QUOTE_SORTS, QUOTE_SORT_LABEL, {
    received: { desc: "newest first", asc: "oldest first" },
    needed: { asc: "soonest first", desc: "latest first" },
    budget: { desc: "highest first", asc: "lowest first" },
    number: { desc: "newest first", asc: "oldest first" },
  }),
  defaultSort: { sort: "received", dir: "desc" },
};

/** The quote list's search, status filter and phone sort order (see components/list-filters). */
export function QuoteFilters({ params }: { params: Pick<TQuoteListParams, "q" | "status" | "sort" | "dir"> }) {
  return <ListFilters config={CONFIG} params={params} />;
}
