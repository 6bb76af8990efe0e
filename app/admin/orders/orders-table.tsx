import Link from "next/link";
import { EmptyList } from "@/components/empty-list";
import { OrderStatusBadge } from "@/components/order-status-badge";
import { SortableHead } from "@/components/sortable-head";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { Table, TableHead } from "@/components/ui/table";
import { formatCalendarDate, formatMoney } from "@/lib/format";
import { ORDER_SORT_LABEL, orderListHref, orderSortHref, type TOrderListParams, type TOrderSort } from "@/lib/orders/list-params";
import { PAYMENT_STATE_LABEL, paymentState, type TPaymentState } from "@/lib/orders/payment";
import type { TOrderListRow } from "@/lib/orders/queries";
import { formatPhone } from "@/lib/phone";

type TProps = { rows: TOrderListRow[]; params: TOrderListParams };

const PAYMENT_TONE: Record<TPaymentState, TBadgeTone> = { unpaid: "warning", deposit: "info", paid: "success" };

const contactLine = (row: TOrderListRow) => row.customer.phone ? formatPhone(row.customer.phone) : (row.customer.email ?? "");

// One markup for both sizes, as on the quote list: a table from tablet width up; on a phone each
// row is laid out as a card, whose number link covers the whole card for a thumb.
const ROW =
  "relative grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-3 md:table-row md:rounded-none md:border-0 md:p-0 md:hover:bg-slate-50";
const PHONE_LABEL = "text-slate-500 md:hidden";

/** The orders of one page, with sortable column headers. */
export function OrdersTable({ rows, params }: TProps) {
  const head = (sort: TOrderSort, label: string, className?: string) => (
    <SortableHead label={label} href={orderSortHref(params, sort)} active={params.sort === sort} dir={params.dir} className={className} />
  );
  return (
    <div className="md:rounded-lg md:border md:border-slate-200 md:bg-white">
      <Table className="block md:table md:[&_td]:px-3 md:[&_td]:py-2">
        <caption className="sr-only">
          Orders, sorted by {ORDER_SORT_LABEL[params.sort].toLowerCase()}, {params.dir === "asc" ? "ascending" : "descending"}
        </caption>
        <thead className="hidden border-b border-slate-200 bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase md:table-header-group">
          <tr>
            {head("number", "Order")}
            <TableHead>Customer</TableHead>
            <TableHead>Status</TableHead>
            {head("delivery", "Delivery")}
            {head("total", "Total", "text-right")}
            <TableHead>Payment</TableHead>
          </tr>
        </thead>
        <tbody className="block space-y-2 md:table-row-group md:space-y-0 md:divide-y md:divide-slate-100">
          {rows.map((row) => {
            const payment = paymentState(row);
            return (
              <tr key={row.id} className={ROW} data-testid="order-row">
                <td className="order-1 font-medium whitespace-nowrap">
                  <Link href={`/admin/orders/${row.id}`} className="text-brand-700 hover:underline max-md:after:absolute max-md:after:inset-0">
                    {row.number}
                  </Link>
                </td>
                <td className="order-3 col-span-2 min-w-0 md:max-w-[16rem]">
                  <div className="truncate font-medium text-slate-900">{row.customer.name}</div>
                  <div className="truncate text-xs text-slate-500">{contactLine(row)}</div>
                </td>
                <td className="order-2 justify-self-end">
                  <OrderStatusBadge status={row.status} />
                </td>
                <td className="order-4 whitespace-nowrap">
                  <span className={PHONE_LABEL}>Delivery </span>
                  {row.deliveryDate ? formatCalendarDate(row.deliveryDate) : <span className="text-slate-500">No date yet</span>}
                </td>
                <td className="order-5 justify-self-end whitespace-nowrap tabular-nums md:text-right">
                  <span className={PHONE_LABEL}>Total </span>
                  {formatMoney(row.totalCents)}
                </td>
                <td className="order-6 col-span-2 md:col-span-1">
                  <Badge tone={PAYMENT_TONE[payment]} data-testid="order-payment">
                    {PAYMENT_STATE_LABEL[payment]}
                  </Badge>
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}

/** What an empty page says, and the way out of it. */
export function OrdersEmptyState({ params, total }: { params: TOrderListParams; total: number | null }) {
  if (params.page > 1 && (total === null || total > 0)) {
    return <EmptyList message="This page is past the end of the list." action={{ href: orderListHref(params, { page: 1 }), label: "Go to the first page" }} testId="orders-empty" />;
  }
  if (params.q || params.status) {
    const message = params.q ? `No orders match “${params.q}”${params.status ? " with this status" : ""}.` : "No orders have this status.";
    return <EmptyList message={message} action={{ href: orderListHref(params, { q: "", status: undefined, page: 1 }), label: "Show all orders" }} testId="orders-empty" />;
  }
  return <EmptyList message="No orders yet. An order is made from a quote the customer accepted." action={null} testId="orders-empty" />;
}
