import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, TableHead } from "@/components/ui/table";
import { ContactPreference } from "@/components/contact-preference";
import { CUSTOMER_SORT_LABEL, customerListHref, sortHref, type TCustomerListParams, type TCustomerSort } from "@/lib/customers/list-params";
import { whatsappFallbackReason } from "@/lib/customers/preference-schema";
import type { TCustomerListRow } from "@/lib/customers/queries";
import { formatDateTime } from "@/lib/format";
import { pastEndNotice } from "@/lib/list-params";
import { formatPhone } from "@/lib/phone";

type TProps = { rows: TCustomerListRow[]; params: TCustomerListParams };

// One markup for both sizes, as in the quote list: a table from tablet width up, a card per row on
// a phone, where six columns do not fit and an admin still needs every one of them.
const ROW =
  "relative grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-3 md:table-row md:rounded-none md:border-0 md:p-0 md:hover:bg-slate-50";
const PHONE_LABEL = "text-slate-500 md:hidden";

/** The customers of one page, with sortable column headers. */
export function CustomersTable({ rows, params }: TProps) {
  return (
    <div className="md:rounded-lg md:border md:border-slate-200 md:bg-white">
      <Table className="block md:table md:[&_td]:px-3 md:[&_td]:py-2">
        <caption className="sr-only">
          Customers, sorted by {CUSTOMER_SORT_LABEL[params.sort].toLowerCase()}, {params.dir === "asc" ? "ascending" : "descending"}
        </caption>
        <thead className="hidden border-b border-slate-200 bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase md:table-header-group">
          <tr>
            <SortableHead params={params} sort="name" label="Customer" />
            <TableHead>Prefers</TableHead>
            <TableHead className="text-right">Quotes</TableHead>
            <TableHead className="text-right">Orders</TableHead>
            <TableHead>Last message</TableHead>
            <SortableHead params={params} sort="created" label="Since" />
          </tr>
        </thead>
        <tbody className="block space-y-2 md:table-row-group md:space-y-0 md:divide-y md:divide-slate-100">
          {rows.map((row) => (
            <CustomerRow key={row.id} row={row} />
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function CustomerRow({ row }: { row: TCustomerListRow }) {
  const fallback = whatsappFallbackReason(row);
  const contact = [row.email, row.phone ? formatPhone(row.phone) : null].filter(Boolean).join(" · ");
  return (
    <tr className={ROW} data-testid="customer-row">
      <td className="min-w-0 md:max-w-[18rem]">
        {/* On a phone the whole card is the link: a big target for a thumb. */}
        <Link href={`/admin/customers/${row.id}`} className="block truncate font-medium text-brand-700 hover:underline max-md:after:absolute max-md:after:inset-0">
          {row.name}
        </Link>
        <div className="truncate text-xs text-slate-500">{contact || "No contact details"}</div>
      </td>
      <td className="justify-self-end whitespace-nowrap">
        <span className="inline-flex items-center gap-2">
          <ContactPreference preference={row.contactPreference} />
          {fallback ? (
            // The dispatcher sends email instead: say so where the admin scans the list.
            <Badge tone="warning" title={fallback}>
              Email for now<span className="sr-only">: {fallback}</span>
            </Badge>
          ) : null}
        </span>
      </td>
      <td className="tabular-nums md:text-right">
        <span className={PHONE_LABEL}>Quotes </span>
        {row.quoteCount}
      </td>
      <td className="justify-self-end tabular-nums md:text-right">
        <span className={PHONE_LABEL}>Orders </span>
        {row.orderCount}
      </td>
      <td className="whitespace-nowrap text-slate-600">
        <span className={PHONE_LABEL}>Last message </span>
        {row.lastMessageAt ? formatDateTime(row.lastMessageAt) : "None yet"}
      </td>
      <td className="justify-self-end whitespace-nowrap text-slate-500">
        <span className="md:hidden">Since </span>
        {formatDateTime(row.createdAt)}
      </td>
    </tr>
  );
}

function SortableHead({ params, sort, label, className }: { params: TCustomerListParams; sort: TCustomerSort; label: string; className?: string }) {
  const active = params.sort === sort;
  const Icon = !active ? ArrowUpDown : params.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead className={className} aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={sortHref(params, sort)} className="inline-flex items-center gap-1 hover:text-slate-900">
        {label}
        <Icon className={active ? "size-3" : "size-3 opacity-40"} aria-hidden />
        <span className="sr-only">{active ? ", sorted; change direction" : ", sort by this column"}</span>
      </Link>
    </TableHead>
  );
}

/** What an empty page says, and the way out of it. */
export function CustomersEmptyState({ params, total }: { params: TCustomerListParams; total: number }) {
  let message = "No customers yet. A customer appears here with their first quote request.";
  let action: { href: string; label: string } | null = null;
  const pastEnd = pastEndNotice(params.page, 0, total);
  if (pastEnd) {
    message = pastEnd.message;
    action = { href: customerListHref(params, { page: pastEnd.page }), label: pastEnd.label };
  } else if (params.q || params.preference) {
    message = params.q ? `No customers match “${params.q}”${params.preference ? " with this preference" : ""}.` : "No customers have this preference.";
    action = { href: customerListHref(params, { q: "", preference: undefined, page: 1 }), label: "Show all customers" };
  }
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600" data-testid="customers-empty">
      <p>{message}</p>
      {action ? (
        <Link href={action.href} className="mt-3 inline-block font-medium text-brand-700 hover:underline">
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
