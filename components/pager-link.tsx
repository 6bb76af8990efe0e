// The pager's links (shared by the numbered pager of the admin lists) and the pager of a list
// paged by cursor. Client-safe: the inbox's list re-renders its pager after each poll.
import Link from "next/link";
import { Icon } from "@/components/icon";
import { ICON } from "@/components/icon-data";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/cn";

type TCursorPaging = {
  /** The URLs of the newest page and of the pages just newer and just older than this one; null where there is none. */
  newest: string | null;
  newer: string | null;
  older: string | null;
};

/**
 * Newest / newer / older, for a list paged by cursor (the inbox) rather than by number: its
 * pages stay put while rows are added at the top, so there is no page number to show.
 */
export function CursorPagination({ newest, newer, older }: TCursorPaging) {
  if (!newer && !older) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm text-slate-600">
      <div className="flex gap-1">
        <PagerLink href={newest} label="Newest" icon={<Icon icon={ICON.chevronFirst} />} />
        <PagerLink href={newer} rel="prev" label="Newer" icon={<Icon icon={ICON.chevronLeft} />} showLabel />
      </div>
      <PagerLink href={older} rel="next" label="Older" icon={<Icon icon={ICON.chevronRight} />} showLabel iconLast />
    </nav>
  );
}

type TPagerLinkProps = {
  /** Null: shown, but disabled. */
  href: string | null;
  rel?: "next" | "prev";
  label: string;
  icon: React.ReactNode;
  showLabel?: boolean;
  iconLast?: boolean;
};

export function PagerLink({ href, rel, label, icon, showLabel = false, iconLast = false }: TPagerLinkProps) {
  const className = cn(buttonVariants({ variant: "outline", size: showLabel ? "sm" : "icon" }), showLabel ? "h-9" : "", !href && "pointer-events-none opacity-40");
  const content = (
    <>
      {iconLast ? null : icon}
      {showLabel ? <span className="hidden sm:inline">{label}</span> : null}
      {iconLast ? icon : null}
    </>
  );
  if (!href) {
    return (
      <span className={className} aria-disabled="true" aria-label={label} role="link">
        {content}
      </span>
    );
  }
  return (
    <Link href={href} prefetch={false} className={className} aria-label={label} rel={rel}>
      {content}
    </Link>
  );
}
