import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArrowLeft } from "lucide-react";
import { getAdmin, requireAdmin } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { CHANNEL_LABEL, needsAttention } from "@/lib/messages/audit-params";
import { getAuditMessage, type TAuditMessage } from "@/lib/messages/audit-queries";
import { formatRequestPayload } from "@/lib/messages/redact-payload";
import { eventLabel } from "@/lib/notifications/events";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { MessageStatusBadge } from "@/components/message-status-badge";
import { InboundMessage } from "@/components/inbound-message";
import { toInboundView } from "@/lib/messages/inbound-view";
import { messageSender } from "../message-summary";
import { RetryMessageButton } from "../retry-message-button";
import { AttemptsTable } from "./attempts-table";
import { StatusHistory } from "./status-history";
import { Detail } from "@/components/detail";
import { sendAgainVerdictFor } from "@/lib/outbox/send-again";
import { fallbackNote } from "./delivery-words";

// generateMetadata and the page read the same message once per request.
const loadMessage = cache(getAuditMessage);

const channelName = (channel: string) => CHANNEL_LABEL[channel as keyof typeof CHANNEL_LABEL] ?? channel;

function pageTitle(message: TAuditMessage): string {
  const who = message.customer?.name ?? message.recipient ?? "a customer";
  const what = message.channel === "email" ? "Email" : `${channelName(message.channel)} message`;
  return message.direction === "inbound" ? `${what} from ${who}` : `${what} to ${who}`;
}

export async function generateMetadata({ params }: PageProps<"/admin/messages/[id]">): Promise<Metadata> {
  // Metadata is resolved beside the page, before its redirect: without a session, say nothing.
  if (!(await getAdmin())) return { title: "Message" };
  const message = await loadMessage((await params).id);
  return { title: message ? pageTitle(message) : "Message not found" };
}

export default async function MessagePage({ params }: PageProps<"/admin/messages/[id]">) {
  const { id } = await params;
  await requireAdmin(`/admin/messages/${id}`);
  const message = await loadMessage(id);
  if (!message) notFound();
  const payload = formatRequestPayload(message.requestPayload);
  // Send again is offered only when it can succeed; otherwise the page says what to fix first.
  const sendAgain = needsAttention(message) ? await sendAgainVerdictFor(message.id) : null;

  return (
    <div className="space-y-5">
      <Link href="/admin/messages" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden /> All messages
      </Link>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-2xl font-semibold">{pageTitle(message)}</h1>
        <MessageStatusBadge status={message.status} />
        {needsAttention(message) && sendAgain?.possible !== false ? (
          <RetryMessageButton messageId={message.id} status={message.status} attempts={message.attempts} className="sm:ml-auto" />
        ) : null}
      </div>
      {sendAgain && !sendAgain.possible ? (
        <Alert tone="info" data-testid="send-again-blocked">
          <p className="font-medium">Sending this again would fail the same way.</p>
          <p className="mt-1">
            <span className="font-medium">Fix first: </span>
            {sendAgain.fix}
            {message.customer ? (
              <>
                {" "}
                <Link href={`/admin/customers/${message.customer.id}`} className="text-brand-700 hover:underline">
                  Open {message.customer.name}
                </Link>
              </>
            ) : null}
          </p>
        </Alert>
      ) : null}

      <ProblemNotes message={message} />

      <div className="grid gap-5 lg:grid-cols-2">
        <Card aria-labelledby="details-heading">
          <CardHeader>
            <CardTitle id="details-heading">Details</CardTitle>
          </CardHeader>
          <CardContent>
            <MessageDetails message={message} />
          </CardContent>
        </Card>

        <Card aria-labelledby="content-heading">
          <CardHeader>
            <CardTitle id="content-heading">Content</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <MessageContent message={message} />
          </CardContent>
        </Card>
      </div>

      <Card aria-labelledby="attempts-heading">
        <CardHeader>
          <CardTitle id="attempts-heading">Attempts</CardTitle>
          <span className="text-sm text-slate-500">{message.attempts === 1 ? "1 try" : `${message.attempts} tries`}</span>
        </CardHeader>
        <CardContent className="p-0">
          <AttemptsTable attempts={message.sendAttempts} />
        </CardContent>
      </Card>

      {/* grid-cols-1: an implicit column is as wide as its widest line (the payload's), wider than a phone. */}
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
        <Card aria-labelledby="history-heading">
          <CardHeader>
            <CardTitle id="history-heading">Status history</CardTitle>
          </CardHeader>
          <CardContent>
            <StatusHistory events={message.statusEvents} />
          </CardContent>
        </Card>

        <Card aria-labelledby="payload-heading">
          <CardHeader>
            <CardTitle id="payload-heading">Request as sent</CardTitle>
          </CardHeader>
          <CardContent>
            {payload ? (
              // tabIndex: a keyboard can scroll the payload too.
              <pre tabIndex={0} className="max-h-[28rem] overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none" data-testid="message-payload">
                {payload}
              </pre>
            ) : (
              <p className="text-sm text-slate-500">{message.direction === "inbound" ? "Received, not sent." : "Not sent yet."}</p>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

/** What went wrong and how to fix it (errorDetail holds the fix), and why email was used instead. */
function ProblemNotes({ message }: { message: TAuditMessage }) {
  const hasError = Boolean(message.errorTitle || message.errorCode || message.errorDetail);
  const fallback = fallbackNote(message);
  if (!hasError && !fallback) return null;
  return (
    <div className="space-y-3">
      {hasError ? (
        // Still queued: a hold (messaging limit, refused token) or a retry to come, not a failure.
        <Alert tone={message.status === "queued" ? "warning" : "danger"} data-testid="message-error">
          <p className="font-semibold">
            {message.errorTitle ?? "The send failed"}
            {message.errorCode ? ` (code ${message.errorCode})` : null}
          </p>
          {message.errorDetail ? (
            <p className="mt-1">
              <span className="font-medium">How to fix: </span>
              {message.errorDetail}
            </p>
          ) : null}
          {message.errorTraceId ? <p className="mt-1 text-xs">Meta trace id (for Meta support): <span className="font-mono">{message.errorTraceId}</span></p> : null}
        </Alert>
      ) : null}
      {fallback ? (
        <Alert tone={fallback.tone} data-testid="message-fallback">
          <span className="font-medium">{fallback.lead}</span>
          {fallback.reason}
        </Alert>
      ) : null}
    </div>
  );
}


const REF_LINK = "text-brand-700 hover:underline";

function MessageDetails({ message }: { message: TAuditMessage }) {
  const times = (
    [
      ["Accepted", message.acceptedAt],
      ["Sent", message.sentAt],
      ["Delivered", message.deliveredAt],
      ["Read", message.readAt],
      ["Failed", message.failedAt],
    ] as const
  ).filter(([, at]) => at);
  return (
    <dl className="grid grid-cols-2 gap-4">
      <Detail label="Channel">{channelName(message.channel)}</Detail>
      <Detail label="Direction">{message.direction === "inbound" ? "Received" : "Sent"}</Detail>
      <Detail label={message.direction === "inbound" ? "From" : "Sent by"}>{messageSender(message)}</Detail>
      <Detail label="Reason">{message.event ? eventLabel(message.event) : message.direction === "inbound" ? "Customer wrote" : "Sent by hand"}</Detail>
      <Detail label="Customer">
        {message.customer ? (
          <Link href={`/admin/customers/${message.customer.id}`} className={REF_LINK}>
            {message.customer.name}
          </Link>
        ) : (
          "—"
        )}
      </Detail>
      <Detail label="Recipient">{message.recipient ?? "—"}</Detail>
      <Detail label="Quote">
        {message.quote ? (
          <Link href={`/admin/quotes/${message.quote.id}`} className={REF_LINK}>
            {message.quote.number}
          </Link>
        ) : (
          "—"
        )}
      </Detail>
      <Detail label="Order">
        {message.order ? (
          <Link href={`/admin/orders/${message.order.id}`} className={REF_LINK}>
            {message.order.number}
          </Link>
        ) : (
          "—"
        )}
      </Detail>
      <Detail label="Created">{formatDateTime(message.createdAt)}</Detail>
      <Detail label="Kind">{message.kind}</Detail>
      {message.dueAt && (message.status === "queued" || message.status === "sending") ? <Detail label="Next try">{formatDateTime(message.dueAt)}</Detail> : null}
      {message.claimedBy && message.leaseUntil ? (
        <Detail label="Being sent by">
          {message.claimedBy} until {formatDateTime(message.leaseUntil)}
        </Detail>
      ) : null}
      {times.map(([label, at]) => (
        <Detail key={label} label={label}>
          {formatDateTime(at)}
        </Detail>
      ))}
      <Detail label={message.channel === "email" ? "Email Message-ID" : "WhatsApp message id"} wide>
        {message.providerMessageId ? <span className="font-mono text-xs break-all">{message.providerMessageId}</span> : "—"}
      </Detail>
    </dl>
  );
}

/** The template's parameters are stored as a JSON array; anything else is shown as it is. */
function templateParameters(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.map((item) => (typeof item === "string" ? item : JSON.stringify(item))) : [raw];
  } catch {
    return [raw];
  }
}

function MessageContent({ message }: { message: TAuditMessage }) {
  const parameters = templateParameters(message.templateParams);
  return (
    <>
      {message.subject ? (
        <div>
          <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">Subject</h3>
          <p className="mt-0.5 text-sm font-medium">{message.subject}</p>
        </div>
      ) : null}
      {message.templateName ? (
        <div>
          <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">Template</h3>
          <p className="mt-0.5 text-sm">
            <span className="font-mono">{message.templateName}</span>
            {message.templateLanguage ? ` (${message.templateLanguage})` : null}
          </p>
          {parameters.length ? (
            <ol className="mt-1 list-decimal space-y-0.5 pl-6 text-sm text-slate-700" aria-label="Template parameters">
              {parameters.map((parameter, index) => (
                <li key={index}>{parameter}</li>
              ))}
            </ol>
          ) : null}
        </div>
      ) : null}
      <div>
        <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">Text</h3>
        {message.direction === "inbound" ? (
          <div className="mt-0.5">
            <InboundMessage content={toInboundView(message)} />
          </div>
        ) : (
          <p className="mt-0.5 text-sm whitespace-pre-wrap text-slate-800">{message.body ?? "—"}</p>
        )}
      </div>
      {message.providerResponse ? (
        <div>
          <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">{message.channel === "email" ? "Mail server's answer" : "Provider's answer"}</h3>
          <p className="mt-0.5 font-mono text-xs break-all whitespace-pre-wrap text-slate-700" data-testid="message-provider-response">
            {message.providerResponse}
          </p>
        </div>
      ) : null}
    </>
  );
}
