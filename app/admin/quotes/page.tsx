import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { parseQuoteListParams, quoteListHref } from "@/lib/quotes/list-params";
import { listQuotes } from "@/lib/quotes/queries";
import { Pagination, ResultSummary } from "@/components/pagination";
import { QuoteFilters } from "./quote-filters";
import { QuotesEmptyState, QuotesTable } from "./quotes-table";

export const metadata: Metadata = { title: "Quotes" };

/** The quote list; everything that shapes it (search, status, sort, page) is in the URL. */
export default async function QuotesPage({ searchParams }: PageProps<"/admin/quotes">) {
  const params = parseQuoteListParams(await searchParams);
  // After signing in, the admin comes back to the same view (a bookmark keeps working).
  await requireAdmin(quoteListHref(params));
  const { rows, total, hasNext } = await listQuotes(params);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Quotes</h1>
        <ResultSummary q={params.q} total={total} noun={{ one: "quote", other: "quotes" }} testId="quote-total" />
      </div>
      <QuoteFilters params={params} />
      {rows.length === 0 ? <QuotesEmptyState params={params} total={total} /> : <QuotesTable rows={rows} params={params} />}
      <Pagination page={params.page} rowCount={rows.length} total={total} hasNext={hasNext} pageHref={(page) => quoteListHref(params, { page })} />
    </div>
  );
}
