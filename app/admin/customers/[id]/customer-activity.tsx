// The customer's quotes, orders and messages, each linking to its own page.
import Link from "next/link";
import { ArrowDownLeft, ArrowUpRight, Mail, MessageCircle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { MessageStatusBadge } from "@/components/message-status-badge";
import { QuoteStatusBadge } from "@/components/quote-status-badge";
import { CUSTOMER_MESSAGE_LIMIT, type TCustomerDetail } from "@/lib/customers/queries";
import { formatDateTime, formatMoney } from "@/lib/format";
import { isOrderStatus, ORDER_STATUS_TONE, orderStatusLabel } from "@/lib/orders/status";
import { PAYMENT_STATE_LABEL, paymentState } from "@/lib/orders/payment";

const ITEM = "flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 hover:bg-slate-50";

function Section({ id, title, count, children }: { id: string; title: string; count: number; children: React.ReactNode }) {
  return (
    <Card aria-labelledby={`${id}-heading`}>
      <CardHeader>
        <CardTitle id={`${id}-heading`}>{title}</CardTitle>
        <span className="text-sm text-slate-500 tabular-nums">{count}</span>
      </CardHeader>
      {children}
    </Card>
  );
}

const Empty = ({ children }: { children: React.ReactNode }) => <CardContent className="text-sm text-slate-500">{children}</CardContent>;

export function CustomerQuotes({ quotes }: { quotes: TCustomerDetail["quotes"] }) {
  return (
    <Section id="quotes" title="Quotes" count={quotes.length}>
      {quotes.length === 0 ? (
        <Empty>No quotes.</Empty>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="customer-quotes">
          {quotes.map((quote) => (
            <li key={quote.id} className={`relative ${ITEM}`}>
              <Link href={`/admin/quotes/${quote.id}`} className="font-medium text-brand-700 hover:underline after:absolute after:inset-0">
                {quote.number}
              </Link>
              <QuoteStatusBadge status={quote.status} />
              <span className="ml-auto text-sm tabular-nums">{formatMoney(quote.quotedAmountCents ?? quote.budgetCents)}</span>
              <p className="w-full truncate text-sm text-slate-600">{quote.occasion}</p>
              <p className="w-full text-xs text-slate-500">Received {formatDateTime(quote.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function CustomerOrders({ orders }: { orders: TCustomerDetail["orders"] }) {
  return (
    <Section id="orders" title="Orders" count={orders.length}>
      {orders.length === 0 ? (
        <Empty>No orders.</Empty>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="customer-orders">
          {orders.map((order) => {
            const payment = paymentState(order);
            return (
              <li key={order.id} className={`relative ${ITEM}`}>
                <Link href={`/admin/orders/${order.id}`} className="font-medium text-brand-700 hover:underline after:absolute after:inset-0">
                  {order.number}
                </Link>
                <Badge tone={isOrderStatus(order.status) ? ORDER_STATUS_TONE[order.status] : "neutral"}>{orderStatusLabel(order.status)}</Badge>
                <span className="ml-auto text-sm font-medium tabular-nums">{formatMoney(order.totalCents)}</span>
                <p className="w-full truncate text-sm text-slate-600">{order.description}</p>
                <p className="flex w-full flex-wrap gap-x-3 text-xs text-slate-500">
                  <span className={payment === "paid" ? "text-emerald-700" : payment === "unpaid" ? "text-amber-800" : undefined}>{PAYMENT_STATE_LABEL[payment]}</span>
                  <span>Ordered {formatDateTime(order.createdAt)}</span>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

/** One line on what a message was: its subject, its template or the start of its text. */
function messageSummary(message: TCustomerDetail["messages"][number]): string {
  if (message.subject) return message.subject;
  if (message.templateName) return `Template ${message.templateName}`;
  if (message.body) return message.body;
  return message.direction === "inbound" ? `A ${message.kind} message` : "No text";
}

export function CustomerMessages({ messages }: { messages: TCustomerDetail["messages"] }) {
  return (
    <Section id="messages" title="Messages" count={messages.length}>
      {messages.length === 0 ? (
        <Empty>No messages yet.</Empty>
      ) : (
        <>
          <ul className="divide-y divide-slate-100" data-testid="customer-messages">
            {messages.map((message) => (
              <li key={message.id} className={`relative ${ITEM}`}>
                {message.channel === "whatsapp" ? (
                  <MessageCircle className="size-4 text-emerald-600" aria-label="WhatsApp" />
                ) : (
                  <Mail className="size-4 text-sky-600" aria-label="Email" />
                )}
                {message.direction === "inbound" ? (
                  <ArrowDownLeft className="size-4 text-slate-500" aria-label="Received" />
                ) : (
                  <ArrowUpRight className="size-4 text-slate-500" aria-label="Sent" />
                )}
                <Link href={`/admin/messages/${message.id}`} className="min-w-0 flex-1 truncate text-sm text-brand-700 hover:underline after:absolute after:inset-0">
                  {messageSummary(message)}
                </Link>
                <MessageStatusBadge status={message.status} />
                <p className="flex w-full flex-wrap gap-x-3 text-xs text-slate-500">
                  <span>{formatDateTime(message.createdAt)}</span>
                  {/* Which automatic notification queued it; none means sent by hand or received. */}
                  {message.event ? <span className="font-mono">{message.event}</span> : null}
                </p>
              </li>
            ))}
          </ul>
          {messages.length >= CUSTOMER_MESSAGE_LIMIT ? (
            <p className="border-t border-slate-100 px-4 py-3 text-sm text-slate-500">
              The last {CUSTOMER_MESSAGE_LIMIT} messages. Older ones are in the{" "}
              <Link href="/admin/messages" className="text-brand-700 hover:underline">
                message log
              </Link>
              .
            </p>
          ) : null}
        </>
      )}
    </Section>
  );
}
