import type { Metadata } from "next";
import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { quoteListHref, DEFAULT_QUOTE_LIST_PARAMS } from "@/lib/quotes/list-params";
import { quoteSummary, recentQuotes } from "@/lib/quotes/queries";
import { QUOTE_STATUSES, QUOTE_STATUS_LABEL } from "@/lib/quotes/status";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ContactPreference } from "@/components/contact-preference";
import { QuoteStatusBadge } from "@/components/quote-status-badge";
import { WhatsAppHealth } from "@/components/whatsapp-health";

export const metadata: Metadata = { title: "Dashboard" };

const count = new Intl.NumberFormat(env.BUSINESS_LOCALE);
const listWithStatus = (status: (typeof QUOTE_STATUSES)[number]) => quoteListHref(DEFAULT_QUOTE_LIST_PARAMS, { status });

export default async function DashboardPage() {
  await requireAdmin("/admin");
  const [summary, recent] = await Promise.all([quoteSummary(), recentQuotes(5)]);
  const waiting = summary.counts.new;

  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold">Dashboard</h1>

      <div className="grid gap-4 md:grid-cols-3">
        <Link
          href={listWithStatus("new")}
          className="group rounded-lg border border-brand-200 bg-brand-50 p-4 hover:bg-brand-100 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
        >
          <h2 className="text-sm font-medium text-brand-800">Waiting for an answer</h2>
          <p className="text-3xl font-semibold text-brand-900 tabular-nums" data-testid="waiting-count">
            {count.format(waiting)}
          </p>
          <p className="mt-1 flex items-center gap-1 text-sm text-brand-800">
            {summary.oldestNewAt ? `Oldest received ${formatDateTime(summary.oldestNewAt)}` : "Nothing waiting"}
            <ArrowRight className="ml-auto size-4 transition-transform group-hover:translate-x-0.5" aria-hidden />
          </p>
        </Link>

        <Card className="md:col-span-2" aria-labelledby="by-status-heading">
          <CardHeader>
            <CardTitle id="by-status-heading">Quotes by status</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3" data-testid="status-counts">
              {QUOTE_STATUSES.map((status) => (
                <li key={status}>
                  <Link href={listWithStatus(status)} className="flex items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm hover:bg-slate-50">
                    <QuoteStatusBadge status={status} />
                    <span className="font-semibold tabular-nums">
                      {count.format(summary.counts[status])}
                      <span className="sr-only"> {QUOTE_STATUS_LABEL[status].toLowerCase()}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>

      <WhatsAppHealth />

      <Card aria-labelledby="recent-heading">
        <CardHeader>
          <CardTitle id="recent-heading">Latest quote requests</CardTitle>
          <Link href="/admin/quotes" className="text-sm font-medium text-brand-700 hover:underline">
            All quotes
          </Link>
        </CardHeader>
        <CardContent>
          {recent.length === 0 ? (
            <p className="text-sm text-slate-500">No quote requests yet. They appear here as soon as a customer sends the quote form.</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="recent-quotes">
              {recent.map((quote) => (
                <li key={quote.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
                  <Link href={`/admin/quotes/${quote.id}`} className="font-medium text-brand-700 hover:underline">
                    {quote.number}
                  </Link>
                  <span className="min-w-0 truncate">{quote.customer.name}</span>
                  <ContactPreference preference={quote.customer.contactPreference} showLabel={false} />
                  <QuoteStatusBadge status={quote.status} />
                  <span className="w-full text-slate-500 sm:ml-auto sm:w-auto">{formatDateTime(quote.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
