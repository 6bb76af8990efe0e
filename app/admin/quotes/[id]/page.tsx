import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArrowLeft } from "lucide-react";
import { getAdmin, requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatCalendarDate, formatDateTime, formatMoney } from "@/lib/format";
import { centsToAmountInput } from "@/lib/quotes/answer-schema";
import { getQuoteDetail, type TQuoteDetail } from "@/lib/quotes/queries";
import { allowedNextStatuses, isQuoteStatus, manualTargetsFrom, statusLabel } from "@/lib/quotes/status";
import { TimelineSection } from "@/components/timeline";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { MessageHistory } from "@/components/message-history";
import { QuoteStatusBadge } from "@/components/quote-status-badge";
import { AnswerQuoteForm } from "./answer-quote-form";
import { CustomerCard } from "./customer-card";
import { StatusActions } from "./status-actions";
import { Detail } from "@/components/detail";

// generateMetadata and the page read the same quote once per request.
const loadQuote = cache(getQuoteDetail);

export async function generateMetadata({ params }: PageProps<"/admin/quotes/[id]">): Promise<Metadata> {
  // Metadata is resolved beside the page, before its redirect: without a session, say nothing.
  if (!(await getAdmin())) return { title: "Quote" };
  const quote = await loadQuote((await params).id);
  return { title: quote ? `Quote ${quote.number}` : "Quote not found" };
}

const currencySymbol =
  new Intl.NumberFormat(env.BUSINESS_LOCALE, { style: "currency", currency: env.BUSINESS_CURRENCY })
    .formatToParts(0)
    .find((part) => part.type === "currency")?.value ?? env.BUSINESS_CURRENCY;

export default async function QuotePage({ params }: PageProps<"/admin/quotes/[id]">) {
  const { id } = await params;
  await requireAdmin(`/admin/quotes/${id}`);
  const quote = await loadQuote(id);
  if (!quote) notFound();
  const { status } = quote;

  return (
    <div className="space-y-5">
      <Link href="/admin/quotes" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden /> All quotes
      </Link>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="text-2xl font-semibold">Quote {quote.number}</h1>
        <QuoteStatusBadge status={status} />
        {quote.order ? (
          <Link href={`/admin/orders/${quote.order.id}`} className="text-sm font-medium text-brand-700 hover:underline" data-testid="quote-order-link">
            Order {quote.order.number} →
          </Link>
        ) : null}
      </div>

      <div className="grid gap-5 lg:grid-cols-2">
        <RequestCard quote={quote} />
        <CustomerCard quote={quote} />

        <Card aria-labelledby="answer-heading">
          <CardHeader>
            <CardTitle id="answer-heading">Answer</CardTitle>
            {quote.quotedAmountCents !== null ? <span className="text-sm font-semibold tabular-nums">{formatMoney(quote.quotedAmountCents)}</span> : null}
          </CardHeader>
          <CardContent className="space-y-3">
            {quote.answeredAt ? (
              <p className="text-sm text-slate-500">
                Answered {formatDateTime(quote.answeredAt)}
                {quote.validUntil ? ` · the customer's accept link works until ${formatDateTime(quote.validUntil)}` : null}
              </p>
            ) : null}
            {quote.declineReason ? <p className="text-sm text-slate-700">Declined because: “{quote.declineReason}”</p> : null}
            {isQuoteStatus(status) && allowedNextStatuses(status).includes("quoted") ? (
              <AnswerQuoteForm
                quoteId={quote.id}
                status={status}
                currencySymbol={currencySymbol}
                defaults={{ amount: centsToAmountInput(quote.quotedAmountCents), message: quote.quoteMessage ?? "" }}
              />
            ) : (
              <p className="text-sm whitespace-pre-wrap">{quote.quoteMessage ?? "This quote was closed without an answer."}</p>
            )}
          </CardContent>
        </Card>

        <Card aria-labelledby="status-heading">
          <CardHeader>
            <CardTitle id="status-heading">Status</CardTitle>
          </CardHeader>
          <CardContent className="space-y-5">
            <StatusActions quoteId={quote.id} status={status} targets={manualTargetsFrom(status)} />
            <Timeline events={quote.statusEvents} />
          </CardContent>
        </Card>
      </div>

      <Card aria-labelledby="messages-heading">
        <CardHeader>
          <CardTitle id="messages-heading">Messages</CardTitle>
        </CardHeader>
        <CardContent>
          <MessageHistory quoteId={quote.id} />
        </CardContent>
      </Card>
    </div>
  );
}


function RequestCard({ quote }: { quote: TQuoteDetail }) {
  return (
    <Card aria-labelledby="request-heading">
      <CardHeader>
        <CardTitle id="request-heading">The request</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-2 gap-4">
          <Detail label="Occasion" wide>
            <span className="whitespace-pre-wrap">{quote.occasion}</span>
          </Detail>
          <Detail label="Budget">{formatMoney(quote.budgetCents)}</Detail>
          <Detail label="Date needed">{formatCalendarDate(quote.neededBy)}</Detail>
          <Detail label="Delivery area">{quote.deliveryArea ?? "—"}</Detail>
          <Detail label="Received">{formatDateTime(quote.createdAt)}</Detail>
          <Detail label="Notes" wide>
            <span className="whitespace-pre-wrap">{quote.notes ?? "—"}</span>
          </Detail>
        </dl>
      </CardContent>
    </Card>
  );
}

function Timeline({ events }: { events: TQuoteDetail["statusEvents"] }) {
  return (
    <TimelineSection
      heading="Timeline"
      empty="No status changes yet."
      testId="quote-timeline"
      entries={events.map((event) => ({
        id: event.id,
        title: event.fromStatus ? `${statusLabel(event.fromStatus)} → ${statusLabel(event.toStatus)}` : statusLabel(event.toStatus),
        meta: `${formatDateTime(event.createdAt)} · ${event.actor?.name ?? (event.fromStatus === null ? "Customer, on the website" : "Automatic")}`,
        text: event.note,
      }))}
    />
  );
}
