import Link from "next/link";
import { ChevronFirst, ChevronLast, ChevronLeft, ChevronRight } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { env } from "@/lib/env";
import { cn } from "@/lib/cn";
import { PAGE_SIZE, quoteListHref, type TQuoteListParams } from "@/lib/quotes/list-params";

type TPaging = { params: TQuoteListParams; rowCount: number; total: number | null; hasNext: boolean };

const count = new Intl.NumberFormat(env.BUSINESS_LOCALE);

const lastPage = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));

/** "1 234 quotes" for a counted list; a search is not counted (see lib/quotes/list-params). */
export function ResultSummary({ params, total }: Pick<TPaging, "params" | "total">) {
  const text = total === null ? `Search results for “${params.q}”` : `${count.format(total)} quote${total === 1 ? "" : "s"}`;
  return (
    <p className="text-sm text-slate-500" data-testid="quote-total">
      {text}
    </p>
  );
}

/** Previous / next (and first / last when the total is known), as links that keep the view. */
export function Pagination({ params, rowCount, total, hasNext }: TPaging) {
  if (params.page === 1 && !hasNext) return null;
  const from = (params.page - 1) * PAGE_SIZE + 1;
  const to = from + rowCount - 1;
  const shown = rowCount === 0 ? `Page ${count.format(params.page)}` : `${count.format(from)}–${count.format(to)}`;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm text-slate-600">
      <div className="flex gap-1">
        <PageLink params={params} page={1} enabled={params.page > 1} label="First page" icon={<ChevronFirst aria-hidden />} />
        <PageLink params={params} page={params.page - 1} enabled={params.page > 1} label="Previous" icon={<ChevronLeft aria-hidden />} showLabel />
      </div>
      <p aria-live="polite" className="text-center">
        {total === null ? shown : `${shown} of ${count.format(total)}`}
        <span className="sr-only">
          , page {params.page}
          {total === null ? "" : ` of ${lastPage(total)}`}
        </span>
      </p>
      <div className="flex gap-1">
        <PageLink params={params} page={params.page + 1} enabled={hasNext} label="Next" icon={<ChevronRight aria-hidden />} showLabel iconLast />
        {total === null ? null : (
          <PageLink params={params} page={lastPage(total)} enabled={params.page < lastPage(total)} label="Last page" icon={<ChevronLast aria-hidden />} />
        )}
      </div>
    </nav>
  );
}

type TPageLinkProps = {
  params: TQuoteListParams;
  page: number;
  enabled: boolean;
  label: string;
  icon: React.ReactNode;
  showLabel?: boolean;
  iconLast?: boolean;
};

function PageLink({ params, page, enabled, label, icon, showLabel = false, iconLast = false }: TPageLinkProps) {
  const className = cn(buttonVariants({ variant: "outline", size: showLabel ? "sm" : "icon" }), showLabel ? "h-9" : "", !enabled && "pointer-events-none opacity-40");
  const content = (
    <>
      {iconLast ? null : icon}
      {showLabel ? <span className="hidden sm:inline">{label}</span> : null}
      {iconLast ? icon : null}
    </>
  );
  if (!enabled) {
    return (
      <span className={className} aria-disabled="true" aria-label={label} role="link">
        {content}
      </span>
    );
  }
  return (
    <Link href={quoteListHref(params, { page })} className={className} aria-label={label} rel={page > params.page ? "next" : page < params.page ? "prev" : undefined}>
      {content}
    </Link>
  );
}
