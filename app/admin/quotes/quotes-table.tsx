import Link from "next/link";
import { ArrowDown, ArrowUp } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ContactPreference } from "@/components/contact-preference";
import { QuoteStatusBadge } from "@/components/quote-status-badge";
import { formatCalendarDate, formatDateTime, formatMoney } from "@/lib/format";
import { quoteListHref, type TQuoteListParams } from "@/lib/quotes/list-params";
import type { TQuoteRow } from "@/lib/quotes/queries";

function SortHeader({ params, sort, label, className }: { params: TQuoteListParams; sort: TQuoteListParams["sort"]; label: string; className?: string }) {
  const active = params.sort === sort;
  const dir = active && params.dir === "desc" ? "asc" : "desc";
  return (
    <TableHead className={className} aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={quoteListHref(params, { sort, dir, page: 1 })} className="inline-flex items-center gap-1 hover:text-slate-900">
        {label}
        {active ? params.dir === "asc" ? <ArrowUp className="size-3" aria-hidden /> : <ArrowDown className="size-3" aria-hidden /> : null}
      </Link>
    </TableHead>
  );
}

export function QuotesTable({ rows, params }: { rows: TQuoteRow[]; params: TQuoteListParams }) {
  if (rows.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
        {params.q || params.status ? "No quotes match this search." : "No quote requests yet. They appear here as soon as a customer sends the form."}
      </div>
    );
  }
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <Table>
        <TableHeader>
          <tr>
            <SortHeader params={params} sort="number" label="Quote" />
            <TableHead>Customer</TableHead>
            <TableHead className="hidden sm:table-cell">Via</TableHead>
            <TableHead>Status</TableHead>
            <SortHeader params={params} sort="budget" label="Budget" className="hidden md:table-cell" />
            <SortHeader params={params} sort="needed" label="Needed" className="hidden md:table-cell" />
            <SortHeader params={params} sort="received" label="Received" className="hidden lg:table-cell" />
          </tr>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid="quote-row">
              <TableCell className="font-medium whitespace-nowrap">
                <Link href={`/admin/quotes/${row.id}`} className="text-brand-700 hover:underline">
                  {row.number}
                </Link>
              </TableCell>
              <TableCell>
                <div className="font-medium text-slate-900">{row.customer.name}</div>
                <div className="max-w-[12rem] truncate text-xs text-slate-500 sm:max-w-none">{row.customer.email ?? (row.customer.phone ? `+${row.customer.phone}` : "")}</div>
              </TableCell>
              <TableCell className="hidden sm:table-cell">
                <ContactPreference preference={row.customer.contactPreference} showLabel={false} />
              </TableCell>
              <TableCell>
                <QuoteStatusBadge status={row.status} />
              </TableCell>
              <TableCell className="hidden whitespace-nowrap md:table-cell">{formatMoney(row.budgetCents)}</TableCell>
              <TableCell className="hidden whitespace-nowrap md:table-cell">{formatCalendarDate(row.neededBy)}</TableCell>
              <TableCell className="hidden whitespace-nowrap text-slate-500 lg:table-cell">{formatDateTime(row.createdAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
