// The customer's quotes, orders and messages, each linking to its own page.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { MessageFeed } from "@/components/message-feed";
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

export function CustomerMessages({ messages }: { messages: TCustomerDetail["messages"] }) {
  return (
    <Section id="messages" title="Messages" count={messages.length}>
      <MessageFeed messages={messages} limit={CUSTOMER_MESSAGE_LIMIT} />
    </Section>
  );
}
