import Link from "next/link";
import { Table, TableHead } from "@/components/ui/table";
import { EmptyList } from "@/components/empty-list";
import { SortableHead } from "@/components/sortable-head";
import { ContactPreference } from "@/components/contact-preference";
import { QuoteStatusBadge } from "@/components/quote-status-badge";
import { formatCalendarDate, formatDateTime, formatMoney } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { QUOTE_SORT_LABEL, quoteListHref, sortHref, type TQuoteListParams, type TQuoteSort } from "@/lib/quotes/list-params";
import type { TQuoteListRow } from "@/lib/quotes/queries";

type TProps = { rows: TQuoteListRow[]; params: TQuoteListParams };

const contactLine = (row: TQuoteListRow) => row.customer.email ?? (row.customer.phone ? formatPhone(row.customer.phone) : "");

// One markup for both sizes: a table from tablet width up; on a phone each row is laid out as a
// card (seven columns do not fit, and hiding columns would hide what an admin needs between
// deliveries). A second, card-only copy would double the page's HTML and its render time, so
// the markup is kept lean: cell padding is set once on the table, not on every cell.
const ROW =
  "relative grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-3 md:table-row md:rounded-none md:border-0 md:p-0 md:hover:bg-slate-50";
const PHONE_LABEL = "text-slate-500 md:hidden";

/** The quotes of one page, with sortable column headers. */
export function QuotesTable({ rows, params }: TProps) {
  return (
    <div className="md:rounded-lg md:border md:border-slate-200 md:bg-white">
      <Table className="block md:table md:[&_td]:px-3 md:[&_td]:py-2">
        <caption className="sr-only">
          Quotes, sorted by {QUOTE_SORT_LABEL[params.sort].toLowerCase()}, {params.dir === "asc" ? "ascending" : "descending"}
        </caption>
        <thead className="hidden border-b border-slate-200 bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase md:table-header-group">
          <tr>
            <QuoteSortHead params={params} sort="number" label="Quote" />
            <TableHead>Customer</TableHead>
            <TableHead>
              <span className="sr-only">Contact preference</span>
              <span aria-hidden>Via</span>
            </TableHead>
            <TableHead>Status</TableHead>
            <QuoteSortHead params={params} sort="budget" label="Budget" className="text-right" />
            <QuoteSortHead params={params} sort="needed" label="Needed" />
            <QuoteSortHead params={params} sort="received" label="Received" />
          </tr>
        </thead>
        <tbody className="block space-y-2 md:table-row-group md:space-y-0 md:divide-y md:divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className={ROW} data-testid="quote-row">
              <td className="order-1 font-medium whitespace-nowrap">
                {/* On a phone the whole card is the link: a big target for a thumb. */}
                <Link href={`/admin/quotes/${row.id}`} className="text-brand-700 hover:underline max-md:after:absolute max-md:after:inset-0">
                  {row.number}
                </Link>
              </td>
              <td className="order-3 min-w-0 md:max-w-[16rem]">
                <div className="truncate font-medium text-slate-900">{row.customer.name}</div>
                <div className="truncate text-xs text-slate-500">{contactLine(row)}</div>
              </td>
              <td className="order-4 justify-self-end">
                <ContactPreference preference={row.customer.contactPreference} showLabel={false} />
              </td>
              <td className="order-2 justify-self-end">
                <QuoteStatusBadge status={row.status} />
              </td>
              <td className="order-5 whitespace-nowrap tabular-nums md:text-right">
                <span className={PHONE_LABEL}>Budget </span>
                {formatMoney(row.budgetCents)}
              </td>
              <td className="order-6 justify-self-end whitespace-nowrap">
                <span className={PHONE_LABEL}>Needed </span>
                {formatCalendarDate(row.neededBy)}
              </td>
              <td className="order-7 col-span-2 whitespace-nowrap text-slate-500">
                <span className="md:hidden">Received </span>
                {formatDateTime(row.createdAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function QuoteSortHead({ params, sort, label, className }: { params: TQuoteListParams; sort: TQuoteSort; label: string; className?: string }) {
  return <SortableHead label={label} href={sortHref(params, sort)} active={params.sort === sort} dir={params.dir} className={className} />;
}

/** What an empty page says, and the way out of it. */
export function QuotesEmptyState({ params, total }: { params: TQuoteListParams; total: number | null }) {
  const filtered = Boolean(params.q || params.status);
  let message = "No quote requests yet. They appear here as soon as a customer sends the quote form.";
  let action: { href: string; label: string } | null = null;
  if (params.page > 1 && (total === null || total > 0)) {
    message = "This page is past the end of the list.";
    action = { href: quoteListHref(params, { page: 1 }), label: "Go to the first page" };
  } else if (filtered) {
    message = params.q ? `No quotes match “${params.q}”${params.status ? " with this status" : ""}.` : "No quotes have this status.";
    action = { href: quoteListHref(params, { q: "", status: undefined, page: 1 }), label: "Show all quotes" };
  }
  return <EmptyList message={message} action={action} testId="quotes-empty" />;
}
