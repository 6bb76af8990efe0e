import type { Metadata } from "next";
import Link from "next/link";
import { AlertTriangle, ArrowRight } from "lucide-react";
import { requireAdmin } from "@/lib/auth/session";
import { deliveryRates, messagesNeedingAttention, openOrderCounts, ordersDueThisWeek, weeklyActivity } from "@/lib/dashboard/queries";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { webhookHeartbeat } from "@/lib/messages/webhook-queries";
import { inboxCounts } from "@/lib/inbox/queries";
import { orderListWithStatus } from "@/lib/orders/list-params";
import { ORDER_STATUS_LABEL } from "@/lib/orders/status";
import { quoteListHref, DEFAULT_QUOTE_LIST_PARAMS } from "@/lib/quotes/list-params";
import { quoteSummary, recentQuotes } from "@/lib/quotes/queries";
import { QUOTE_STATUSES, QUOTE_STATUS_LABEL } from "@/lib/quotes/status";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ContactPreference } from "@/components/contact-preference";
import { DeliveryRates } from "@/components/dashboard/delivery-rates";
import { InboxCard } from "@/components/dashboard/inbox-card";
import { OrdersDue } from "@/components/dashboard/orders-due";
import { StatusCountLink } from "@/components/dashboard/status-count-link";
import { WebhookHeartbeat } from "@/components/dashboard/webhook-heartbeat";
import { WeeklyChart } from "@/components/dashboard/weekly-chart";
import { OrderStatusBadge } from "@/components/order-status-badge";
import { QuoteStatusBadge } from "@/components/quote-status-badge";
import { WhatsAppHealth } from "@/components/whatsapp-health";
import { WhatsAppCost } from "@/components/dashboard/whatsapp-cost";

export const metadata: Metadata = { title: "Dashboard" };

const count = new Intl.NumberFormat(env.BUSINESS_LOCALE);
const listWithStatus = (status: (typeof QUOTE_STATUSES)[number]) => quoteListHref(DEFAULT_QUOTE_LIST_PARAMS, { status });

export default async function DashboardPage() {
  await requireAdmin("/admin");
  const now = new Date();
  const [summary, recent, openOrders, due, attention, weeks, delivery, webhooks, inbox] = await Promise.all([
    quoteSummary(),
    recentQuotes(5),
    openOrderCounts(),
    ordersDueThisWeek(now),
    messagesNeedingAttention(now),
    weeklyActivity(now),
    deliveryRates(now),
    webhookHeartbeat(),
    inboxCounts(),
  ]);
  const waiting = summary.counts.new;
  const openTotal = openOrders.reduce((sum, group) => sum + group.count, 0);
  const attentionTotal = attention.failed + attention.uncertain;

  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold">Dashboard</h1>

      <InboxCard counts={inbox} />

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
                  <StatusCountLink href={listWithStatus(status)} badge={<QuoteStatusBadge status={status} />} count={summary.counts[status]} label={QUOTE_STATUS_LABEL[status]} />
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>

      <div className="grid gap-4 md:grid-cols-3">
        <Card className="md:col-span-2" aria-labelledby="open-orders-heading">
          <CardHeader>
            <CardTitle id="open-orders-heading">Open orders</CardTitle>
            <Link href={orderListWithStatus("open")} className="text-sm font-medium text-brand-700 hover:underline">
              All {count.format(openTotal)} open
            </Link>
          </CardHeader>
          <CardContent>
            <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="open-order-counts">
              {openOrders.map(({ status, count: n }) => (
                <li key={status}>
                  <StatusCountLink href={orderListWithStatus(status)} badge={<OrderStatusBadge status={status} />} count={n} label={ORDER_STATUS_LABEL[status]} />
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>

        <Link
          href="/admin/messages?status=attention"
          className={`group rounded-lg border p-4 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none ${attentionTotal ? "border-red-200 bg-red-50 hover:bg-red-100" : "border-slate-200 bg-white hover:bg-slate-50"}`}
        >
          <h2 className="flex items-center gap-1 text-sm font-medium text-slate-800">
            {attentionTotal ? <AlertTriangle className="size-4 text-red-600" aria-hidden /> : null}
            Messages not delivered, last 7 days
          </h2>
          <p className="text-3xl font-semibold tabular-nums" data-testid="failed-messages-count">
            {count.format(attentionTotal)}
          </p>
          <p className="mt-1 flex items-center gap-1 text-sm text-slate-700">
            {attentionTotal ? `${count.format(attention.failed)} failed, ${count.format(attention.uncertain)} uncertain` : "All went out"}
            <ArrowRight className="ml-auto size-4 transition-transform group-hover:translate-x-0.5" aria-hidden />
          </p>
        </Link>
      </div>

      <OrdersDue week={due.week} orders={due.orders} total={due.total} />

      <div className="grid gap-4 md:grid-cols-3">
        <div className="md:col-span-2">
          <WeeklyChart weeks={weeks} />
        </div>
        <DeliveryRates channels={delivery} />
      </div>

      <WhatsAppHealth />

      <WhatsAppCost now={now} />

      <WebhookHeartbeat heartbeat={webhooks} now={now} />

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
