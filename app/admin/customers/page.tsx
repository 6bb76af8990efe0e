import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { customerListHref, parseCustomerListParams } from "@/lib/customers/list-params";
import { listCustomers } from "@/lib/customers/queries";
import { CustomerFilters } from "./customer-filters";
import { CustomersEmptyState, CustomersTable } from "./customers-table";
import { Pagination, ResultSummary } from "@/components/pagination";

export const metadata: Metadata = { title: "Customers" };

/** The customer list; everything that shapes it (search, preference, sort, page) is in the URL. */
export default async function CustomersPage({ searchParams }: PageProps<"/admin/customers">) {
  const params = parseCustomerListParams(await searchParams);
  // After signing in, the admin comes back to the same view (a bookmark keeps working).
  await requireAdmin(customerListHref(params));
  const { rows, total, hasNext } = await listCustomers(params);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Customers</h1>
        <ResultSummary q={params.q} total={total} noun={{ one: "customer", other: "customers" }} testId="customer-total" />
      </div>
      <CustomerFilters params={params} />
      {rows.length === 0 ? <CustomersEmptyState params={params} total={total} /> : <CustomersTable rows={rows} params={params} />}
      <Pagination page={params.page} rowCount={rows.length} total={total} hasNext={hasNext} pageHref={(page) => customerListHref(params, { page })} />
    </div>
  );
}
