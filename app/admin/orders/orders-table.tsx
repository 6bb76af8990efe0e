import { EmptyList } from "@/components/empty-list";
import { CustomerCell, ListTable, RecordLinkCell } from "@/components/list-table";
import { OrderStatusBadge } from "@/components/order-status-badge";
import { SortableHead } from "@/components/sortable-head";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { TableHead } from "@/components/ui/table";
import { formatCalendarDate, formatMoney } from "@/lib/format";
import { pastEndNotice } from "@/lib/list-params";
import { ORDER_SORT_LABEL, orderListHref, orderSortHref, type TOrderListParams, type TOrderSort } from "@/lib/orders/list-params";
import { PAYMENT_STATE_LABEL, paymentState, type TPaymentState } from "@/lib/orders/payment";
import type { TOrderListRow } from "@/lib/orders/queries";
import { formatPhone } from "@/lib/phone";
import "./orders-table.css";

type TProps = { rows: TOrderListRow[]; params: TOrderListParams };

const PAYMENT_TONE: Record<TPaymentState, TBadgeTone> = { unpaid: "warning", deposit: "info", paid: "success" };

const contactLine = (row: TOrderListRow) => (row.customer.phone ? formatPhone(row.customer.phone) : (row.customer.email ?? ""));

/** The orders of one page, with sortable column headers. */
export function OrdersTable({ rows, params }: TProps) {
  const sortHead = (sort: TOrderSort, label: string, className?: string) => (
    <SortableHead label={label} href={orderSortHref(params, sort)} active={params.sort === sort} dir={params.dir} className={className} />
  );
  const caption = `Orders, sorted by ${ORDER_SORT_LABEL[params.sort].toLowerCase()}, ${params.dir === "asc" ? "ascending" : "descending"}`;
  const head = (
    <>
      {sortHead("number", "Order")}
      <TableHead>Customer</TableHead>
      <TableHead>Status</TableHead>
      {sortHead("delivery", "Delivery")}
      {sortHead("total", "Total", "text-right")}
      <TableHead>Payment</TableHead>
    </>
  );
  return (
    <ListTable className="orders-table" caption={caption} head={head}>
      {rows.map((row) => (
        <OrderRow key={row.id} row={row} />
      ))}
    </ListTable>
  );
}

// Only what differs per row is written per row: the look is in components/list-table.css, and
// where each column goes on a phone (a card, as on the quote list) in orders-table.css.
function OrderRow({ row }: { row: TOrderListRow }) {
  const payment = paymentState(row);
  return (
    <tr data-testid="order-row">
      <RecordLinkCell href={`/admin/orders/${row.id}`} number={row.number} />
      <CustomerCell name={row.customer.name} contact={contactLine(row)} />
      <td>
        <OrderStatusBadge status={row.status} />
      </td>
      <td>{row.deliveryDate ? formatCalendarDate(row.deliveryDate) : <span className="text-slate-500">No date yet</span>}</td>
      <td>{formatMoney(row.totalCents)}</td>
      <td>
        <Badge tone={PAYMENT_TONE[payment]} data-testid="order-payment">
          {PAYMENT_STATE_LABEL[payment]}
        </Badge>
      </td>
    </tr>
  );
}

/** What an empty page says, and the way out of it. */
export function OrdersEmptyState({ params, total }: { params: TOrderListParams; total: number | null }) {
  const pastEnd = pastEndNotice(params.page, 0, total);
  if (pastEnd) {
    return <EmptyList message={pastEnd.message} action={{ href: orderListHref(params, { page: pastEnd.page }), label: pastEnd.label }} testId="orders-empty" />;
  }
  if (params.q || params.status) {
    const message = params.q ? `No orders match “${params.q}”${params.status ? " with this status" : ""}.` : "No orders have this status.";
    return <EmptyList message={message} action={{ href: orderListHref(params, { q: "", status: undefined, page: 1 }), label: "Show all orders" }} testId="orders-empty" />;
  }
  return <EmptyList message="No orders yet. An order is made from a quote the customer accepted." action={null} testId="orders-empty" />;
}
