import type { Metadata } from "next";
import Link from "next/link";
import { AlertTriangle } from "lucide-react";
import { requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AUDIT_PAGE_SIZE, auditListHref, isFiltered, needsAttention, type TAuditListParams, parseAuditListParams } from "@/lib/messages/audit-params";
import { listAuditMessages } from "@/lib/messages/audit-queries";
import { sendAgainVerdicts } from "@/lib/outbox/send-again";
import { pastEndNotice } from "@/lib/list-params";
import { Alert } from "@/components/ui/alert";
import { EmptyList } from "@/components/empty-list";
import { MessageFilters } from "./message-filters";
import { Pagination } from "@/components/pagination";
import { MessagesTable } from "./messages-table";

export const metadata: Metadata = { title: "Messages" };

const count = new Intl.NumberFormat(env.BUSINESS_LOCALE);

/** The message audit log: every message in and out, with those needing a person first. Filters live in the URL. */
export default async function MessagesPage({ searchParams }: PageProps<"/admin/messages">) {
  const params = parseAuditListParams(await searchParams);
  // After signing in, the admin comes back to the same view (a bookmark keeps working).
  await requireAdmin(auditListHref(params));
  const { rows, total, attention, hasNext } = await listAuditMessages(params);
  // Send again is offered only where it can succeed, as on the message page and in the action.
  const sendAgain = await sendAgainVerdicts(rows.filter(needsAttention).map((row) => row.id));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Messages</h1>
        <p className="text-sm text-slate-500" data-testid="message-total">
          {count.format(total)} message{total === 1 ? "" : "s"}
        </p>
      </div>
      {attention > 0 && params.page === 1 ? <AttentionNote params={params} attention={attention} /> : null}
      <MessageFilters params={params} />
      {rows.length === 0 ? <EmptyState params={params} total={total} /> : <MessagesTable rows={rows} sendAgain={sendAgain} />}
      <Pagination page={params.page} rowCount={rows.length} total={total} hasNext={hasNext} pageHref={(page) => auditListHref(params, { page })} pageSize={AUDIT_PAGE_SIZE} />
    </div>
  );
}

function AttentionNote({ params, attention }: { params: TAuditListParams; attention: number }) {
  const onlyThose = params.status === "attention";
  return (
    <Alert tone="danger" className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="attention-note">
      <AlertTriangle className="size-4 shrink-0" aria-hidden />
      <span>
        {count.format(attention)} message{attention === 1 ? "" : "s"} need{attention === 1 ? "s" : ""} attention: failed, or not known to have
        gone out. {onlyThose ? "" : "They are at the top of the list."}
      </span>
      {onlyThose ? null : (
        <Link href={auditListHref(params, { status: "attention", page: 1 })} className="font-medium underline">
          Show only these
        </Link>
      )}
    </Alert>
  );
}

function EmptyState({ params, total }: { params: TAuditListParams; total: number }) {
  const pastEnd = pastEndNotice(params.page, 0, total, AUDIT_PAGE_SIZE);
  if (pastEnd) {
    return <EmptyList message={pastEnd.message} action={{ href: auditListHref(params, { page: pastEnd.page }), label: pastEnd.label }} testId="messages-empty" />;
  }
  if (isFiltered(params)) {
    return <EmptyList message="No messages match these filters." action={{ href: auditListHref(parseAuditListParams({})), label: "Show all messages" }} testId="messages-empty" />;
  }
  return <EmptyList message="No messages yet. Every message sent or received appears here." action={null} testId="messages-empty" />;
}
