import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArrowLeft, Check } from "lucide-react";
import { getAdmin, requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatCalendarDate, formatDateTime, formatMoney } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { getOrderDetail, type TOrderDetail } from "@/lib/orders/detail";
import { balanceCents, PAYMENT_STATE_LABEL, paymentState } from "@/lib/orders/payment";
import { isOrderStatus, ORDER_PIPELINE, ORDER_STATUS_LABEL, ORDER_STATUS_TONE, orderStatusLabel } from "@/lib/orders/status";
import { PENDING_STATUSES } from "@/lib/messages/view";
import { cn } from "@/lib/cn";
import { AutoRefresh } from "@/components/auto-refresh";
import { ContactPreference } from "@/components/contact-preference";
import { MessageFeed } from "@/components/message-feed";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DetailsForm } from "./details-form";
import { OrderStatusActions } from "./order-status-actions";
import { PaymentForm } from "./payment-form";

const loadOrder = cache(getOrderDetail);

export async function generateMetadata({ params }: PageProps<"/admin/orders/[id]">): Promise<Metadata> {
  if (!(await getAdmin())) return { title: "Order" };
  const order = await loadOrder((await params).id);
  return { title: order ? `Order ${order.number}` : "Order not found" };
}

const currencySymbol =
  new Intl.NumberFormat(env.BUSINESS_LOCALE, { style: "currency", currency: env.BUSINESS_CURRENCY })
    .formatToParts(0)
    .find((part) => part.type === "currency")?.value ?? env.BUSINESS_CURRENCY;

/** The pipeline as steps: done, current, to come; a cancelled order shows where it stopped. */
function Pipeline({ status, events }: { status: string; events: TOrderDetail["events"] }) {
  const reached = new Set(events.flatMap((event) => (event.kind === "status" && event.toStatus ? [event.toStatus] : [])));
  const currentIndex = ORDER_PIPELINE.indexOf(status as (typeof ORDER_PIPELINE)[number]);
  return (
    <ol className="flex flex-wrap gap-2" aria-label="Order progress">
      {ORDER_PIPELINE.map((step, index) => {
        const done = status !== "cancelled" ? index < currentIndex : reached.has(step);
        const current = step === status;
        return (
          <li
            key={step}
            aria-current={current ? "step" : undefined}
            className={cn(
              "flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm",
              current ? "border-brand-600 bg-brand-600 text-white" : done ? "border-emerald-200 bg-emerald-50 text-emerald-800" : "border-slate-200 text-slate-500",
            )}
          >
            {done ? <Check className="size-3.5" aria-hidden /> : null}
            {ORDER_STATUS_LABEL[step]}
          </li>
        );
      })}
      {status === "cancelled" ? <li className="rounded-full border border-slate-300 bg-slate-100 px-3 py-1 text-sm text-slate-700" aria-current="step">Cancelled</li> : null}
    </ol>
  );
}

function Timeline({ events }: { events: TOrderDetail["events"] }) {
  return (
    <ol className="space-y-3" data-testid="order-timeline">
      {events.map((event) => (
        <li key={event.id} className="border-l-2 border-slate-200 pl-3 text-sm">
          <p className="font-medium text-slate-900">
            {event.kind === "status"
              ? event.fromStatus
                ? `${orderStatusLabel(event.fromStatus)} → ${orderStatusLabel(event.toStatus ?? "")}`
                : `Order ${orderStatusLabel(event.toStatus ?? "").toLowerCase()}`
              : event.kind === "payment"
                ? `Payment of ${formatMoney(event.amountCents)} recorded`
                : "Details changed"}
          </p>
          {event.note ? <p className="text-slate-700">{event.note}</p> : null}
          <p className="text-xs text-slate-500">
            {formatDateTime(event.createdAt)} · {event.actor?.name ?? "Customer (accepted online)"}
          </p>
        </li>
      ))}
    </ol>
  );
}

export default async function OrderPage({ params }: PageProps<"/admin/orders/[id]">) {
  const { id } = await params;
  await requireAdmin(`/admin/orders/${id}`);
  const order = await loadOrder(id);
  if (!order) notFound();
  const status = isOrderStatus(order.status) ? order.status : "confirmed";
  const payment = paymentState(order);
  const waiting = order.messages.some((message) => PENDING_STATUSES.has(message.status) || message.status === "queued");

  return (
    <div className="space-y-6">
      <AutoRefresh active={waiting} />
      <div className="space-y-2">
        <Link href="/admin/orders" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-4" aria-hidden /> Orders
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">Order {order.number}</h1>
          <Badge tone={ORDER_STATUS_TONE[status]} data-testid="order-status">
            {ORDER_STATUS_LABEL[status]}
          </Badge>
        </div>
        <p className="text-slate-600">
          {order.description} · {formatMoney(order.totalCents)} · from quote{" "}
          <Link className="text-brand-700 underline underline-offset-2" href={`/admin/quotes/${order.quote.id}`}>
            {order.quote.number}
          </Link>
        </p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Progress</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <Pipeline status={order.status} events={order.events} />
          <OrderStatusActions orderId={order.id} status={status} />
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Customer</CardTitle>
          </CardHeader>
          <CardContent className="space-y-2 text-sm">
            <p>
              <Link className="font-medium text-brand-700 hover:underline" href={`/admin/customers/${order.customer.id}`}>
                {order.customer.name}
              </Link>
            </p>
            {/* The order's messages go where its quote was asked from (lib/customers/recipient.ts). */}
            <p className="text-slate-500">Messages about this order go to the details quote {order.quote.number} was requested with:</p>
            {order.quote.contactName !== order.customer.name ? <p data-testid="order-contact-name">{order.quote.contactName}</p> : null}
            {order.quote.contactEmail ? <p>{order.quote.contactEmail}</p> : null}
            {order.quote.contactPhone ? <p>{formatPhone(order.quote.contactPhone)}</p> : null}
            <ContactPreference preference={order.quote.contactPreference} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Payment</CardTitle>
            <Badge tone={payment === "paid" ? "success" : payment === "deposit" ? "info" : "warning"} data-testid="payment-state">
              {PAYMENT_STATE_LABEL[payment]}
            </Badge>
          </CardHeader>
          <CardContent className="space-y-4 text-sm">
            <dl className="grid grid-cols-3 gap-2">
              <div>
                <dt className="text-slate-500">Total</dt>
                <dd className="font-medium tabular-nums">{formatMoney(order.totalCents)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Paid</dt>
                <dd className="font-medium tabular-nums">{formatMoney(order.paidCents)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Still owed</dt>
                <dd className="font-medium tabular-nums">{formatMoney(balanceCents(order))}</dd>
              </div>
            </dl>
            {payment !== "paid" && order.status !== "cancelled" ? <PaymentForm orderId={order.id} paidCents={order.paidCents} currencySymbol={currencySymbol} /> : null}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Delivery and notes</CardTitle>
            <span className="text-sm text-slate-500">{order.deliveryDate ? formatCalendarDate(order.deliveryDate) : "No date yet"}</span>
          </CardHeader>
          <CardContent>
            <DetailsForm
              orderId={order.id}
              initial={{ deliveryDate: order.deliveryDate ?? "", deliveryAddress: order.deliveryAddress ?? "", notes: order.notes ?? "" }}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Timeline</CardTitle>
          </CardHeader>
          <CardContent>
            <Timeline events={order.events} />
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Messages</CardTitle>
          <span className="text-sm text-slate-500">Sent automatically at each step</span>
        </CardHeader>
        <MessageFeed messages={order.messages} />
      </Card>
    </div>
  );
}
