import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { PAGE_SIZE, quoteListHref, type TQuoteListParams } from "@/lib/quotes/list-params";
import { cn } from "@/lib/cn";

export function Pagination({ params, hasNext, total }: { params: TQuoteListParams; hasNext: boolean; total: number | null }) {
  const pages = total === null ? null : Math.max(1, Math.ceil(total / PAGE_SIZE));
  const link = (page: number, label: string, enabled: boolean) =>
    enabled ? (
      <Link href={quoteListHref(params, { page })} className={buttonVariants({ variant: "outline", size: "sm" })}>
        {label}
      </Link>
    ) : (
      <span className={cn(buttonVariants({ variant: "outline", size: "sm" }), "pointer-events-none opacity-40")} aria-disabled="true">
        {label}
      </span>
    );
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm text-slate-600">
      {link(params.page - 1, "Previous", params.page > 1)}
      <span>{pages ? `Page ${params.page} of ${pages.toLocaleString("en-ZA")}` : `Page ${params.page}`}</span>
      {link(params.page + 1, "Next", hasNext)}
    </nav>
  );
}
