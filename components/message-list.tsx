"use client";

import { ArrowDownLeft, ArrowUpRight, Mail, MessageCircle } from "lucide-react";
import { InboundMessage } from "@/components/inbound-message";
import { MessageStatusBadge } from "@/components/message-status-badge";
import { useQuoteMessages } from "@/lib/swr/use-quote-messages";
import type { TMessageView } from "@/lib/messages/view";

type TMessageListProps = { quoteId: string; initial: TMessageView[]; timeZone: string; locale: string };

export function MessageList({ quoteId, initial, timeZone, locale }: TMessageListProps) {
  const { data: messages = initial, error } = useQuoteMessages(quoteId, initial);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  if (messages.length === 0) return <p className="text-sm text-slate-500">No messages yet.</p>;
  return (
    <div className="space-y-3">
      {error ? <p className="text-sm text-red-700">{error.message}</p> : null}
      <ol className="space-y-3" aria-label="Messages">
        {messages.map((message) => (
          <li key={message.id} className="rounded-md border border-slate-200 p-3" data-testid="message-item">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              {message.channel === "whatsapp" ? <MessageCircle className="size-4 text-emerald-600" aria-label="WhatsApp" /> : <Mail className="size-4 text-sky-600" aria-label="Email" />}
              {message.direction === "inbound" ? <ArrowDownLeft className="size-4 text-slate-500" aria-label="Received" /> : <ArrowUpRight className="size-4 text-slate-500" aria-label="Sent" />}
              <span className="font-medium">{message.sentBy}</span>
              <span className="text-slate-500">{time.format(new Date(message.createdAt))}</span>
              <span className="ml-auto">
                <MessageStatusBadge status={message.status} />
              </span>
            </div>
            {message.template ? (
              <p className="mt-2 text-sm text-slate-700">
                Template <span className="font-mono">{message.template.name}</span> ({message.template.language})
                {message.template.parameters.length ? `: ${message.template.parameters.join(" · ")}` : null}
              </p>
            ) : null}
            {message.inboundContent ? (
              <div className="mt-2">
                <InboundMessage content={message.inboundContent} />
              </div>
            ) : message.body ? (
              <p className="mt-2 text-sm whitespace-pre-wrap text-slate-800">{message.body}</p>
            ) : null}
            {message.error ? (
              <div className="mt-2 rounded bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="message-error">
                <p className="font-medium">
                  {message.error.title}
                  {message.error.code ? ` (code ${message.error.code})` : null}
                </p>
                {message.error.detail ? <p>{message.error.detail}</p> : null}
              </div>
            ) : null}
            {message.times.length ? (
              <p className="mt-2 text-xs text-slate-500">
                {message.times.map((entry) => `${entry.status} ${time.format(new Date(entry.at))}`).join(" → ")}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
