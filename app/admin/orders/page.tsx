import type { Metadata } from "next";
import { Pagination, ResultSummary } from "@/components/pagination";
import { requireAdmin } from "@/lib/auth/session";
import { orderListHref, parseOrderListParams } from "@/lib/orders/list-params";
import { listOrders } from "@/lib/orders/queries";
import { OrderFilters } from "./order-filters";
import { OrdersEmptyState, OrdersTable } from "./orders-table";

export const metadata: Metadata = { title: "Orders" };

/** The order list; everything that shapes it (search, status, sort, page) is in the URL. */
export default async function OrdersPage({ searchParams }: PageProps<"/admin/orders">) {
  const params = parseOrderListParams(await searchParams);
  // After signing in, the admin comes back to the same view (a bookmark keeps working).
  await requireAdmin(orderListHref(params));
  const { rows, total, hasNext } = await listOrders(params);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Orders</h1>
        <ResultSummary q={params.q} total={total} noun={{ one: "order", other: "orders" }} testId="order-total" />
      </div>
      <OrderFilters params={params} />
      {rows.length === 0 ? <OrdersEmptyState params={params} total={total} /> : <OrdersTable rows={rows} params={params} />}
      <Pagination page={params.page} rowCount={rows.length} total={total} hasNext={hasNext} pageHref={(page) => orderListHref(params, { page })} />
    </div>
  );
}
