import { TableHead } from "@/components/ui/table";
import { EmptyList } from "@/components/empty-list";
import { CustomerCell, ListTable, RecordLinkCell } from "@/components/list-table";
import { SortableHead } from "@/components/sortable-head";
import { CONTACT_PREFERENCE_ICONS, ContactPreference } from "@/components/contact-preference";
import { QuoteStatusBadge } from "@/components/quote-status-badge";
import { formatCalendarDate, formatDateTime, formatMoney } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { pastEndNotice } from "@/lib/list-params";
import { QUOTE_SORT_LABEL, quoteListHref, sortHref, type TQuoteListParams, type TQuoteSort } from "@/lib/quotes/list-params";
import type { TQuoteListRow } from "@/lib/quotes/queries";
import "./quotes-table.css";

type TProps = { rows: TQuoteListRow[]; params: TQuoteListParams };

const contactLine = (row: TQuoteListRow) => row.customer.email ?? (row.customer.phone ? formatPhone(row.customer.phone) : "");

/** The quotes of one page, with sortable column headers. */
export function QuotesTable({ rows, params }: TProps) {
  const caption = `Quotes, sorted by ${QUOTE_SORT_LABEL[params.sort].toLowerCase()}, ${params.dir === "asc" ? "ascending" : "descending"}`;
  const head = (
    <>
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
    </>
  );
  return (
    <ListTable className="quotes-table" caption={caption} head={head} icons={CONTACT_PREFERENCE_ICONS}>
      {rows.map((row) => (
        <QuoteRow key={row.id} row={row} />
      ))}
    </ListTable>
  );
}

// Only what differs per row is written per row: the look is in components/list-table.css, and
// where each column goes on a phone in quotes-table.css.
function QuoteRow({ row }: { row: TQuoteListRow }) {
  return (
    <tr data-testid="quote-row">
      <RecordLinkCell href={`/admin/quotes/${row.id}`} number={row.number} />
      <CustomerCell name={row.customer.name} contact={contactLine(row)} />
      <td>
        <ContactPreference preference={row.customer.contactPreference} showLabel={false} fromSprite />
      </td>
      <td>
        <QuoteStatusBadge status={row.status} />
      </td>
      <td>{formatMoney(row.budgetCents)}</td>
      <td>{formatCalendarDate(row.neededBy)}</td>
      <td>{formatDateTime(row.createdAt)}</td>
    </tr>
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
  const pastEnd = pastEndNotice(params.page, 0, total);
  if (pastEnd) {
    message = pastEnd.message;
    action = { href: quoteListHref(params, { page: pastEnd.page }), label: pastEnd.label };
  } else if (filtered) {
    message = params.q ? `No quotes match “${params.q}”${params.status ? " with this status" : ""}.` : "No quotes have this status.";
    action = { href: quoteListHref(params, { q: "", status: undefined, page: 1 }), label: "Show all quotes" };
  }
  return <EmptyList message={message} action={action} testId="quotes-empty" />;
}
