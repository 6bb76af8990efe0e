import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { CAUGHT_PAGE_SIZE, listCaughtEmails } from "@/lib/email/caught-queries";
import { emailConfig } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { pastEndNotice } from "@/lib/list-params";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Mail catcher" };

export default async function MailPage({ searchParams }: PageProps<"/admin/mail">) {
  const admin = await requireAdmin("/admin/mail");
  const raw = (await searchParams).page;
  const page = Math.max(1, Number.parseInt(typeof raw === "string" ? raw : "1", 10) || 1);
  const rows = await listCaughtEmails(page, admin);
  const hasNext = rows.length > CAUGHT_PAGE_SIZE;
  // The catcher is not counted: past its end, back to the first page.
  const pastEnd = pastEndNotice(page, rows.length, null, CAUGHT_PAGE_SIZE);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Mail catcher</h1>
        <p className="text-slate-600">
          {emailConfig.mode === "catcher"
            ? "Every email the app sends is kept here instead of being delivered. Set SMTP_URL to send real email."
            : "SMTP_URL is set, so emails go to customers; these are the ones kept before it was set."}
        </p>
      </div>
      <Card>
        {rows.length === 0 && pastEnd ? (
          <p className="p-4 text-sm text-slate-500" data-testid="mail-past-end">
            {pastEnd.message}{" "}
            <Link href={`/admin/mail?page=${pastEnd.page}`} className="font-medium text-brand-700 underline underline-offset-2">
              {pastEnd.label}
            </Link>
          </p>
        ) : rows.length === 0 ? (
          <p className="p-4 text-sm text-slate-500">No emails yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="caught-emails">
            {rows.slice(0, CAUGHT_PAGE_SIZE).map((mail) => (
              <li key={mail.id} className="relative flex flex-wrap gap-x-3 px-4 py-3 hover:bg-slate-50">
                <Link href={`/admin/mail/${mail.id}`} className="min-w-0 flex-1 truncate font-medium text-brand-700 after:absolute after:inset-0 hover:underline">
                  {mail.subject}
                </Link>
                <span className="text-sm text-slate-600">{mail.to}</span>
                <span className="w-full text-xs text-slate-500">{formatDateTime(mail.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <nav className="flex gap-4 text-sm" aria-label="Pages">
        {page > 1 ? <Link href={`/admin/mail?page=${page - 1}`}>← Newer</Link> : null}
        {hasNext ? <Link href={`/admin/mail?page=${page + 1}`}>Older →</Link> : null}
      </nav>
    </div>
  );
}
