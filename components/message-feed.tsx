// A short list of messages (newest first), each linking to its page in the audit log. Used on
// the customer and order pages.
import Link from "next/link";
import { ArrowDownLeft, ArrowUpRight, Mail, MessageCircle } from "lucide-react";
import { CardContent } from "@/components/ui/card";
import { MessageStatusBadge } from "@/components/message-status-badge";
import { formatDateTime } from "@/lib/format";
import type { TFeedMessage } from "@/lib/message-feed";
import { describeInbound, toInboundView } from "@/lib/messages/inbound-view";


const ITEM = "flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 hover:bg-slate-50";

/** One line on what a message was: its subject, its template or the start of its text. */
function messageSummary(message: TFeedMessage): string {
  if (message.direction === "inbound") return describeInbound(toInboundView(message)) || `A ${message.kind} message`;
  if (message.subject) return message.subject;
  if (message.templateName) return `Template ${message.templateName}`;
  if (message.body) return message.body;
  if (message.kind === "notification") return "Automatic message, waiting to be sent";
  return message.direction === "inbound" ? `A ${message.kind} message` : "No text";
}

export function MessageFeed({ messages, limit }: { messages: readonly TFeedMessage[]; limit?: number }) {
  if (messages.length === 0) return <CardContent className="text-sm text-slate-500">No messages yet.</CardContent>;
  return (
    <>
      <ul className="divide-y divide-slate-100" data-testid="message-feed">
        {messages.map((message) => (
          <li key={message.id} className={`relative ${ITEM}`} data-testid="message-feed-item">
            {message.channel === "whatsapp" ? <MessageCircle className="size-4 text-emerald-600" aria-label="WhatsApp" /> : <Mail className="size-4 text-sky-600" aria-label="Email" />}
            {message.direction === "inbound" ? <ArrowDownLeft className="size-4 text-slate-500" aria-label="Received" /> : <ArrowUpRight className="size-4 text-slate-500" aria-label="Sent" />}
            <Link href={`/admin/messages/${message.id}`} className="min-w-0 flex-1 truncate text-sm text-brand-700 hover:underline after:absolute after:inset-0">
              {messageSummary(message)}
            </Link>
            <MessageStatusBadge status={message.status} />
            <p className="flex w-full flex-wrap gap-x-3 text-xs text-slate-500">
              <span>{formatDateTime(message.createdAt)}</span>
              {/* Which automatic notification queued it; none means sent by hand or received. */}
              {message.event ? <span className="font-mono">{message.event}</span> : null}
            </p>
          </li>
        ))}
      </ul>
      {limit && messages.length >= limit ? (
        <p className="border-t border-slate-100 px-4 py-3 text-sm text-slate-500">
          The last {limit} messages. Older ones are in the{" "}
          <Link href="/admin/messages" className="text-brand-700 hover:underline">
            message log
          </Link>
          .
        </p>
      ) : null}
    </>
  );
}
