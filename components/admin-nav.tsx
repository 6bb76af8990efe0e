"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { FileText, Inbox, LayoutDashboard, MessageCircle, MessagesSquare, Package, Settings, Users } from "lucide-react";
import { cn } from "@/lib/cn";
import type { TInboxCounts } from "@/lib/inbox/queries";
import { InboxNavBadge } from "@/components/inbox-nav-badge";

const LINKS = [
  { href: "/admin", label: "Dashboard", icon: LayoutDashboard, exact: true },
  { href: "/admin/inbox", label: "Inbox", icon: MessageCircle, exact: false },
  { href: "/admin/quotes", label: "Quotes", icon: FileText, exact: false },
  { href: "/admin/orders", label: "Orders", icon: Package, exact: false },
  { href: "/admin/customers", label: "Customers", icon: Users, exact: false },
  { href: "/admin/messages", label: "Messages", icon: MessagesSquare, exact: false },
  { href: "/admin/mail", label: "Mail", icon: Inbox, exact: false },
  // The settings pages share a prefix; the link opens the first one. Owners only.
  { href: "/admin/settings/notifications", label: "Settings", icon: Settings, exact: false, section: "/admin/settings", ownerOnly: true },
] as const;

type TProps = {
  /** Outbound messages that failed or are uncertain (counted by the layout); no badge at 0. */
  attentionCount: number;
  /** Unread and waiting WhatsApp conversations (read by the layout, then polled). */
  inboxCounts: TInboxCounts;
  /** Owners see Settings; staff cannot open it, so they are not offered it. */
  isOwner: boolean;
};

/** The admin's sections. Where they do not fit (a phone) the row scrolls sideways inside its own box; the page does not widen. */
export function AdminNav({ attentionCount, inboxCounts, isOwner }: TProps) {
  const pathname = usePathname();
  return (
    // relative: the badges' screen-reader text is absolutely placed, and an absolute box escapes a
    // scroller that is not its containing block, widening the whole page on a phone.
    <nav aria-label="Admin" className="relative flex min-w-0 gap-0.5 overflow-x-auto overscroll-x-contain [scrollbar-width:thin]">
      {LINKS.filter((link) => isOwner || !("ownerOnly" in link)).map((link) => {
        const { href, label, icon: Icon, exact } = link;
        const section = "section" in link ? link.section : href;
        const active = exact ? pathname === href : pathname === section || pathname.startsWith(`${section}/`);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex shrink-0 items-center gap-1.5 rounded-md px-2.5 py-2 text-sm font-medium whitespace-nowrap",
              active ? "bg-brand-50 text-brand-800" : "text-slate-600 hover:bg-slate-100",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {label}
            {href === "/admin/messages" ? <AttentionBadge count={attentionCount} /> : null}
            {href === "/admin/inbox" ? <InboxNavBadge initial={inboxCounts} /> : null}
          </Link>
        );
      })}
    </nav>
  );
}

function AttentionBadge({ count }: { count: number }) {
  if (count <= 0) return null;
  const shown = count > 99 ? "99+" : String(count);
  return (
    <span className="min-w-5 rounded-full bg-red-600 px-1.5 text-center text-xs leading-5 font-semibold text-white" data-testid="messages-attention-badge">
      <span aria-hidden>{shown}</span>
      {/* Read with the link's name: "Messages, 3 need attention". */}
      <span className="sr-only">, {count} need{count === 1 ? "s" : ""} attention</span>
    </span>
  );
}
