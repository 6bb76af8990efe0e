import Link from "next/link";
import { UserRound } from "lucide-react";
import { requireAdmin } from "@/lib/auth/session";
import { canManageSettings } from "@/lib/roles";
import { env } from "@/lib/env";
import { countMessagesNeedingAttention } from "@/lib/messages/audit-queries";
import { inboxCounts } from "@/lib/inbox/queries";
import { AdminNav } from "@/components/admin-nav";
import { SandboxBanner } from "@/components/sandbox-banner";
import { EmailCatcherBanner } from "@/components/email-catcher-banner";
import { MessagingLimitBanner } from "@/components/messaging-limit-banner";
import { SignOutButton } from "@/components/sign-out-button";
import { WhatsAppTokenBanner } from "@/components/whatsapp-token-banner";

// Layouts are not re-run on every navigation, so each page checks the session as well.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireAdmin();
  // One indexed count on every admin page: failed or uncertain sends wait for a person to retry.
  const [attentionCount, inbox] = await Promise.all([countMessagesNeedingAttention(), inboxCounts()]);
  return (
    <div className="min-h-dvh">
      <SandboxBanner />
      <EmailCatcherBanner />
      <MessagingLimitBanner />
      <WhatsAppTokenBanner />
      <header className="border-b border-slate-200 bg-white">
        {/* On a phone the navigation is a row of its own that scrolls inside the page's width (min-w-0
            lets it shrink below its links' width); from lg on it sits in one line with the rest. */}
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 lg:flex-nowrap">
          <Link href="/admin" className="flex shrink-0 items-center gap-2 font-semibold whitespace-nowrap text-brand-700">
            {/* eslint-disable-next-line @next/next/no-img-element -- a 28 px SVG from public/ needs no optimising */}
            <img src="/icon.svg" alt="" width={28} height={28} className="size-7" />
            {env.BUSINESS_NAME}
          </Link>
          <div className="order-last w-full min-w-0 lg:order-none lg:w-auto lg:flex-1">
            <AdminNav attentionCount={attentionCount} inboxCounts={inbox} isOwner={canManageSettings(admin.role)} />
          </div>
          <Link
            href="/admin/account"
            className="ml-auto flex shrink-0 items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            title={`Your account (${admin.email}): change your password`}
          >
            <UserRound className="size-4" aria-hidden />
            <span className="sr-only">Your account: </span>
            {/* Only wide screens have room for the address beside the navigation. */}
            <span className="sr-only 2xl:not-sr-only">{admin.email}</span>
          </Link>
          <SignOutButton />
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
