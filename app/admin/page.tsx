import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { quoteCountsByStatus, recentQuotes } from "@/lib/quotes/queries";
import { QUOTE_STATUSES, QUOTE_STATUS_LABEL } from "@/lib/quotes/status";
import { formatDateTime } from "@/lib/format";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ContactPreference } from "@/components/contact-preference";
import { QuoteStatusBadge } from "@/components/quote-status-badge";
import { WhatsAppHealth } from "@/components/whatsapp-health";

export default async function DashboardPage() {
  await requireAdmin("/admin");
  const [counts, recent] = await Promise.all([quoteCountsByStatus(), recentQuotes()]);
  const waiting = counts.new ?? 0;
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <div className="grid gap-4 sm:grid-cols-3">
        <Link href="/admin/quotes?status=new" className="rounded-lg border border-brand-200 bg-brand-50 p-4 hover:bg-brand-100">
          <p className="text-sm text-brand-800">Waiting for an answer</p>
          <p className="text-3xl font-semibold text-brand-800" data-testid="waiting-count">
            {waiting}
          </p>
        </Link>
        <Card className="sm:col-span-2">
          <CardContent className="flex flex-wrap gap-x-6 gap-y-2">
            {QUOTE_STATUSES.map((status) => (
              <Link key={status} href={`/admin/quotes?status=${status}`} className="text-sm hover:underline">
                <span className="text-slate-500">{QUOTE_STATUS_LABEL[status]}</span> <span className="font-semibold">{counts[status] ?? 0}</span>
              </Link>
            ))}
          </CardContent>
        </Card>
      </div>
      <WhatsAppHealth />
      <Card>
        <CardHeader>
          <CardTitle>Latest quote requests</CardTitle>
          <Link href="/admin/quotes" className="text-sm text-brand-700 hover:underline">
            All quotes
          </Link>
        </CardHeader>
        <CardContent>
          {recent.length === 0 ? (
            <p className="text-sm text-slate-500">No quote requests yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {recent.map((quote) => (
                <li key={quote.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
                  <Link href={`/admin/quotes/${quote.id}`} className="font-medium text-brand-700 hover:underline">
                    {quote.number}
                  </Link>
                  <span>{quote.customer.name}</span>
                  <ContactPreference preference={quote.customer.contactPreference} showLabel={false} />
                  <QuoteStatusBadge status={quote.status} />
                  <span className="ml-auto text-slate-500">{formatDateTime(quote.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
