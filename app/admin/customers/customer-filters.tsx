import { ListFilters, type TListFilterConfig } from "@/components/list-filters";
import { sortChoices } from "@/lib/list-params";
import { CUSTOMER_SORT_LABEL, CUSTOMER_SORTS, FIRST_SORT_DIRECTION, type TCustomerListParams } from "@/lib/customers/list-params";
import { CONTACT_PREFERENCE_LABEL, CONTACT_PREFERENCES } from "@/lib/customers/preference-schema";

const CONFIG: TListFilterConfig = {
  idPrefix: "customer",
  searchLabel: "Search customers",
  placeholder: "Name, email or phone",
  statusOptions: CONTACT_PREFERENCES.map((value) => ({ value, label: CONTACT_PREFERENCE_LABEL[value] })),
  filter: { param: "preference", label: "Contact preference", allLabel: "Any preference" },
  sortOptions: sortChoices(CUSTOMER_SORTS, CUSTOMER_SORT_LABEL, {
    created: { desc: "newest first", asc: "oldest first" },
    name: { asc: "A to Z", desc: "Z to A" },
  }),
  defaultSort: { sort: "created", dir: "desc" },
  firstDirection: FIRST_SORT_DIRECTION,
};

/** The customer list's search, preference filter and phone sort order (see components/list-filters). */
export function CustomerFilters({ params }: { params: Pick<TCustomerListParams, "q" | "preference" | "sort" | "dir"> }) {
  return <ListFilters config={CONFIG} params={params} />;
}
