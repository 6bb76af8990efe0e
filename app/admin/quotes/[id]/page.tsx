import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { requireAdmin } from "@/lib/auth/session";
import { getQuoteDetail } from "@/lib/quotes/queries";
import { allowedNextStatuses, isQuoteStatus, QUOTE_STATUS_LABEL } from "@/lib/quotes/status";
import { formatCalendarDate, formatDateTime, formatMoney } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ContactPreference } from "@/components/contact-preference";
import { MessageHistory } from "@/components/message-history";
import { QuoteStatusBadge } from "@/components/quote-status-badge";
import { AnswerQuoteForm } from "./answer-quote-form";
import { SendWhatsAppPanel } from "./send-whatsapp-panel";
import { StatusActions } from "./status-actions";

export async function generateMetadata({ params }: PageProps<"/admin/quotes/[id]">): Promise<Metadata> {
  const { id } = await params;
  return { title: `Quote ${id.slice(0, 8)}` };
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export default async function QuotePage({ params }: PageProps<"/admin/quotes/[id]">) {
  const { id } = await params;
  await requireAdmin(`/admin/quotes/${id}`);
  const quote = await getQuoteDetail(id);
  if (!quote) notFound();
  const { customer } = quote;
  const canAnswer = allowedNextStatuses(quote.status).includes("quoted");

  return (
    <div className="space-y-5">
      <Link href="/admin/quotes" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden /> Quotes
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Quote {quote.number}</h1>
        <QuoteStatusBadge status={quote.status} />
        <span className="text-sm text-slate-500">received {formatDateTime(quote.createdAt)}</span>
      </div>

      <div className="grid gap-5 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>The request</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-4 sm:grid-cols-2">
              <div className="sm:col-span-2">
                <Detail label="What the gift is for">
                  <span className="whitespace-pre-wrap">{quote.occasion}</span>
                </Detail>
              </div>
              <Detail label="Budget">{formatMoney(quote.budgetCents)}</Detail>
              <Detail label="Date needed">{formatCalendarDate(quote.neededBy)}</Detail>
              <Detail label="Delivery area">{quote.deliveryArea ?? "—"}</Detail>
              <div className="sm:col-span-2">
                <Detail label="Notes">
                  <span className="whitespace-pre-wrap">{quote.notes ?? "—"}</span>
                </Detail>
              </div>
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Customer</CardTitle>
            <ContactPreference preference={customer.contactPreference} />
          </CardHeader>
          <CardContent className="space-y-4">
            <dl className="grid gap-4 sm:grid-cols-2">
              <Detail label="Name">{customer.name}</Detail>
              <Detail label="Email">{customer.email ?? "—"}</Detail>
              <Detail label="Phone">{formatPhone(customer.phone)}</Detail>
              <Detail label="WhatsApp consent">
                {customer.whatsappOptedOutAt ? (
                  <span className="text-red-700">Opted out {formatDateTime(customer.whatsappOptedOutAt)}</span>
                ) : customer.whatsappConsentAt ? (
                  <span data-testid="whatsapp-consent">
                    Given {formatDateTime(customer.whatsappConsentAt)} via {customer.whatsappConsentSource ?? "unknown"}
                  </span>
                ) : (
                  "No consent"
                )}
              </Detail>
            </dl>
            <SendWhatsAppPanel quoteId={quote.id} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Answer</CardTitle>
            {quote.quotedAmountCents !== null ? <span className="text-sm font-medium">{formatMoney(quote.quotedAmountCents)}</span> : null}
          </CardHeader>
          <CardContent>
            {canAnswer ? (
              <AnswerQuoteForm
                quoteId={quote.id}
                defaults={{ amount: quote.quotedAmountCents !== null ? (quote.quotedAmountCents / 100).toFixed(2) : "", message: quote.quoteMessage ?? "" }}
              />
            ) : (
              <div className="space-y-2 text-sm">
                <p>{quote.quoteMessage ?? "This quote was not answered."}</p>
                {quote.answeredAt ? <p className="text-slate-500">Answered {formatDateTime(quote.answeredAt)}</p> : null}
              </div>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Status</CardTitle>
          </CardHeader>
          <CardContent className="space-y-5">
            <StatusActions quoteId={quote.id} allowed={allowedNextStatuses(quote.status)} />
            <ol className="space-y-3 border-l border-slate-200 pl-4" aria-label="Timeline">
              {quote.statusEvents.map((event) => (
                <li key={event.id} className="text-sm">
                  <p className="font-medium">
                    {event.fromStatus && isQuoteStatus(event.fromStatus) ? `${QUOTE_STATUS_LABEL[event.fromStatus]} → ` : ""}
                    {isQuoteStatus(event.toStatus) ? QUOTE_STATUS_LABEL[event.toStatus] : event.toStatus}
                  </p>
                  <p className="text-slate-500">
                    {formatDateTime(event.createdAt)} · {event.actor?.name ?? "Customer"}
                  </p>
                  {event.note ? <p className="text-slate-700">{event.note}</p> : null}
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Messages</CardTitle>
        </CardHeader>
        <CardContent>
          <MessageHistory quoteId={quote.id} />
        </CardContent>
      </Card>
    </div>
  );
}
