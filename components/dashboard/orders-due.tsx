import Link from "next/link";
import { OrderStatusBadge } from "@/components/order-status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { TDueOrder } from "@/lib/dashboard/queries";
import { formatCalendarDate } from "@/lib/format";
import { DEFAULT_ORDER_LIST_PARAMS, orderListHref } from "@/lib/orders/list-params";

type TProps = { week: { start: string; end: string }; orders: TDueOrder[]; total: number };

const bySoonestDelivery = orderListHref(DEFAULT_ORDER_LIST_PARAMS, { status: "open", sort: "delivery", dir: "asc" });

/** What has to go out the door between Monday and Sunday of this week. */
export function OrdersDue({ week, orders, total }: TProps) {
  return (
    <Card aria-labelledby="due-heading">
      <CardHeader>
        <CardTitle id="due-heading">
          Due this week <span className="font-normal text-slate-500">({formatCalendarDate(week.start)} – {formatCalendarDate(week.end)})</span>
        </CardTitle>
        <Link href={bySoonestDelivery} className="text-sm font-medium text-brand-700 hover:underline">
          Open orders by delivery date
        </Link>
      </CardHeader>
      <CardContent>
        {orders.length === 0 ? (
          <p className="text-sm text-slate-500">No orders are due for delivery this week.</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="orders-due">
            {orders.map((order) => (
              <li key={order.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
                <span className="w-24 shrink-0 whitespace-nowrap text-slate-600">{formatCalendarDate(order.deliveryDate)}</span>
                <Link href={`/admin/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
                  {order.number}
                </Link>
                <span className="min-w-0 truncate">{order.customer.name}</span>
                <OrderStatusBadge status={order.status} className="sm:ml-auto" />
              </li>
            ))}
          </ul>
        )}
        {total > orders.length ? <p className="mt-2 text-sm text-slate-500">and {total - orders.length} more this week.</p> : null}
      </CardContent>
    </Card>
  );
}
