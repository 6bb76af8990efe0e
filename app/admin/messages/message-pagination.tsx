import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { env } from "@/lib/env";
import { AUDIT_PAGE_SIZE, auditListHref, type TAuditListParams } from "@/lib/messages/audit-params";

const count = new Intl.NumberFormat(env.BUSINESS_LOCALE);

type TProps = { params: TAuditListParams; rowCount: number; total: number; hasNext: boolean };

// Its own, not components/pagination.tsx: that one counts pages of 25 (lib/list-params), this
// list shows 50. Previous / next is enough for an audit log read from the top.
/** "51–100 of 1 234" with previous / next links that keep the filters. */
export function MessagePagination({ params, rowCount, total, hasNext }: TProps) {
  if (params.page === 1 && !hasNext) return null;
  const from = (params.page - 1) * AUDIT_PAGE_SIZE + 1;
  const shown = rowCount === 0 ? `Page ${count.format(params.page)}` : `${count.format(from)}–${count.format(from + rowCount - 1)}`;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm text-slate-600">
      <PageLink href={params.page > 1 ? auditListHref(params, { page: params.page - 1 }) : null} rel="prev">
        <ChevronLeft aria-hidden /> Previous
      </PageLink>
      <p aria-live="polite">
        {shown} of {count.format(total)}
      </p>
      <PageLink href={hasNext ? auditListHref(params, { page: params.page + 1 }) : null} rel="next">
        Next <ChevronRight aria-hidden />
      </PageLink>
    </nav>
  );
}

function PageLink({ href, rel, children }: { href: string | null; rel: "prev" | "next"; children: React.ReactNode }) {
  const className = cn(buttonVariants({ variant: "outline", size: "sm" }), "h-9", !href && "pointer-events-none opacity-40");
  if (!href) {
    return (
      <span className={className} aria-disabled="true" role="link">
        {children}
      </span>
    );
  }
  return (
    <Link href={href} className={className} rel={rel}>
      {children}
    </Link>
  );
}
