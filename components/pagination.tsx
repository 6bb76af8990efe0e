import { Icon } from "@/components/icon";
import { ICON } from "@/components/icon-data";
import { PagerLink } from "@/components/pager-link";
import { env } from "@/lib/env";
import { PAGE_SIZE, lastPageOf } from "@/lib/list-params";

// Shared by the admin lists; each passes how to write the URL of another page of its own view.
type TPaging = {
  page: number;
  rowCount: number;
  total: number | null;
  hasNext: boolean;
  pageHref: (page: number) => string;
  /** Rows per page; the lists of lib/list-params use 25, the message log 50. */
  pageSize?: number;
};

const count = new Intl.NumberFormat(env.BUSINESS_LOCALE);

type TSummary = { q: string; total: number | null; noun: { one: string; other: string }; testId: string };

/** "1 234 quotes" for a counted list; a search is not counted (see lib/list-params). */
export function ResultSummary({ q, total, noun, testId }: TSummary) {
  const text = total === null ? `Search results for “${q}”` : `${count.format(total)} ${total === 1 ? noun.one : noun.other}`;
  return (
    <p className="text-sm text-slate-500" data-testid={testId}>
      {text}
    </p>
  );
}

/** Previous / next (and first / last when the total is known), as links that keep the view. */
export function Pagination({ page, rowCount, total, hasNext, pageHref, pageSize = PAGE_SIZE }: TPaging) {
  if (page === 1 && !hasNext) return null;
  // A page past the end shows no pager: the list's empty state says where its rows are (pastEndNotice).
  if (rowCount === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = from + rowCount - 1;
  const shown = `${count.format(from)}–${count.format(to)}`;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm text-slate-600">
      <div className="flex gap-1">
        <PageLink current={page} page={1} pageHref={pageHref} label="First page" icon={<Icon icon={ICON.chevronFirst} />} />
        <PageLink current={page} page={page - 1} pageHref={pageHref} label="Previous" icon={<Icon icon={ICON.chevronLeft} />} showLabel />
      </div>
      <p aria-live="polite" className="text-center">
        {total === null ? shown : `${shown} of ${count.format(total)}`}
        <span className="sr-only">
          , page {page}
          {total === null ? "" : ` of ${lastPageOf(total, pageSize)}`}
        </span>
      </p>
      <div className="flex gap-1">
        <PageLink current={page} page={page + 1} enabled={hasNext} pageHref={pageHref} label="Next" icon={<Icon icon={ICON.chevronRight} />} showLabel iconLast />
        {total === null ? null : (
          <PageLink current={page} page={lastPageOf(total, pageSize)} pageHref={pageHref} label="Last page" icon={<Icon icon={ICON.chevronLast} />} />
        )}
      </div>
    </nav>
  );
}

type TPageLinkProps = {
  current: number;
  page: number;
  /** Defaults to "another page in range": first and previous from page 2 on, last before the last. */
  enabled?: boolean;
  pageHref: (page: number) => string;
  label: string;
  icon: React.ReactNode;
  showLabel?: boolean;
  iconLast?: boolean;
};

function PageLink({ current, page, enabled = page !== current && page >= 1, pageHref, ...link }: TPageLinkProps) {
  return <PagerLink href={enabled ? pageHref(page) : null} rel={page > current ? "next" : page < current ? "prev" : undefined} {...link} />;
}
