import Link from "next/link";
import { ChevronFirst, ChevronLast, ChevronLeft, ChevronRight } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { env } from "@/lib/env";
import { cn } from "@/lib/cn";
import { customerListHref, PAGE_SIZE, type TCustomerListParams } from "@/lib/customers/list-params";

type TPaging = { params: TCustomerListParams; rowCount: number; total: number; hasNext: boolean };

const count = new Intl.NumberFormat(env.BUSINESS_LOCALE);

const lastPage = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));

/** "1 234 customers": every customer view is counted (see lib/customers/queries.ts). */
export function ResultSummary({ total }: { total: number }) {
  return (
    <p className="text-sm text-slate-500" data-testid="customer-total">
      {`${count.format(total)} customer${total === 1 ? "" : "s"}`}
    </p>
  );
}

/** First / previous / next / last, as links that keep the view. */
export function Pagination({ params, rowCount, total, hasNext }: TPaging) {
  if (params.page === 1 && !hasNext) return null;
  const from = (params.page - 1) * PAGE_SIZE + 1;
  const shown = rowCount === 0 ? `Page ${count.format(params.page)}` : `${count.format(from)}–${count.format(from + rowCount - 1)}`;
  const last = lastPage(total);
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm text-slate-600">
      <div className="flex gap-1">
        <PageLink params={params} page={1} enabled={params.page > 1} label="First page" icon={<ChevronFirst aria-hidden />} />
        <PageLink params={params} page={params.page - 1} enabled={params.page > 1} label="Previous" icon={<ChevronLeft aria-hidden />} showLabel />
      </div>
      <p aria-live="polite" className="text-center">
        {`${shown} of ${count.format(total)}`}
        <span className="sr-only">{`, page ${params.page} of ${last}`}</span>
      </p>
      <div className="flex gap-1">
        <PageLink params={params} page={params.page + 1} enabled={hasNext} label="Next" icon={<ChevronRight aria-hidden />} showLabel iconLast />
        <PageLink params={params} page={last} enabled={params.page < last} label="Last page" icon={<ChevronLast aria-hidden />} />
      </div>
    </nav>
  );
}

type TPageLinkProps = {
  params: TCustomerListParams;
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
    <Link href={customerListHref(params, { page })} className={className} aria-label={label} rel={page > params.page ? "next" : page < params.page ? "prev" : undefined}>
      {content}
    </Link>
  );
}
