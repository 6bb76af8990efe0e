import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { parseQuoteListParams } from "@/lib/quotes/list-params";
import { listQuotes } from "@/lib/quotes/queries";
import { QuoteFilters } from "./quote-filters";
import { QuotesTable } from "./quotes-table";
import { Pagination } from "./pagination";

export const metadata: Metadata = { title: "Quotes" };

export default async function QuotesPage({ searchParams }: PageProps<"/admin/quotes">) {
  await requireAdmin("/admin/quotes");
  const params = parseQuoteListParams(await searchParams);
  const result = await listQuotes(params);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-semibold">Quotes</h1>
        <p className="text-sm text-slate-500" data-testid="quote-total">
          {result.total === null ? "Search results" : `${result.total.toLocaleString("en-ZA")} quote${result.total === 1 ? "" : "s"}`}
        </p>
      </div>
      <QuoteFilters q={params.q} status={params.status ?? ""} />
      <QuotesTable rows={result.rows} params={params} />
      <Pagination params={params} hasNext={result.hasNext} total={result.total} />
    </div>
  );
}
