import Link from "next/link";
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
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <Link href="/admin" className="font-semibold text-brand-700">
            {env.BUSINESS_NAME}
          </Link>
          <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
            <AdminNav attentionCount={attentionCount} inboxCounts={inbox} isOwner={canManageSettings(admin.role)} />
          </div>
          <Link href="/admin/account" className="ml-auto hidden text-sm text-slate-500 hover:text-slate-800 hover:underline md:inline" title="Your account: change your password">
            {admin.email}
          </Link>
          <SignOutButton />
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
