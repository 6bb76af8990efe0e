import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { requireAdmin } from "@/lib/auth/session";
import { getCaughtEmail } from "@/lib/email/caught-queries";
import { formatDateTime } from "@/lib/format";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Caught email" };

export default async function CaughtEmailPage({ params }: PageProps<"/admin/mail/[id]">) {
  const { id } = await params;
  const admin = await requireAdmin(`/admin/mail/${id}`);
  const mail = await getCaughtEmail(id, admin);
  if (!mail) notFound();
  return (
    <div className="space-y-4">
      <Link href="/admin/mail" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden /> Mail catcher
      </Link>
      <h1 className="text-2xl font-semibold">{mail.subject}</h1>
      <dl className="grid gap-1 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-500">From</dt>
        <dd>{mail.from}</dd>
        <dt className="text-slate-500">Reply-To</dt>
        <dd data-testid="caught-email-reply-to">{mail.replyTo ?? "None (BUSINESS_EMAIL is not set): replies go to the From address"}</dd>
        <dt className="text-slate-500">To</dt>
        <dd>{mail.to}</dd>
        <dt className="text-slate-500">Kept at</dt>
        <dd>{formatDateTime(mail.createdAt)}</dd>
        <dt className="text-slate-500">Message-ID</dt>
        <dd className="font-mono text-xs break-all">&lt;{mail.messageId}&gt;</dd>
      </dl>
      <Card>
        <CardHeader>
          <CardTitle>As the customer sees it</CardTitle>
        </CardHeader>
        <CardContent>
          {/* sandbox="" keeps the mail's HTML from running scripts or reaching this page. */}
          <iframe title="Email" sandbox="" srcDoc={mail.html} className="h-[32rem] w-full rounded border border-slate-200 bg-white" />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Plain text</CardTitle>
        </CardHeader>
        <CardContent>
          <pre className="text-sm whitespace-pre-wrap" data-testid="caught-email-text">
            {mail.text}
          </pre>
        </CardContent>
      </Card>
    </div>
  );
}
