"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { cn } from "@/lib/cn";
import { revalidateInboxThread, useInboxThread } from "@/lib/swr/use-inbox";
import type { TThreadMessageView, TThreadView } from "@/lib/inbox/view";
import type { TTemplateList } from "@/lib/messages/templates";
import { messagePreview } from "@/lib/inbox/preview";
import { InboundMessage } from "@/components/inbound-message";
import { markThreadSeenAction } from "./actions";
import { MessageTicks } from "./message-ticks";
import { ReplyBox, type TReplyQuote } from "./reply-box";

type TProps = {
  initial: TThreadView;
  templates: TTemplateList | null;
  defaultTemplateKey: string;
  quotes: TReplyQuote[];
  defaultQuoteId: string;
  firstName: string;
};

/** The conversation, kept fresh while the tab is visible, and read for us as it is shown. */
export function ThreadView({ initial, templates, defaultTemplateKey, quotes, defaultQuoteId, firstName }: TProps) {
  const customerId = initial.customer.id;
  const { data: thread } = useInboxThread(customerId, initial);
  useMarkSeen(customerId, thread);
  const end = useRef<HTMLLIElement>(null);
  const count = thread.messages.length;
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [count]);

  return (
    <div className="flex min-h-[calc(100dvh-9rem)] flex-col gap-3">
      <header className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
        <Link href="/admin/inbox" className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
          <ArrowLeft className="size-4" aria-hidden /> Inbox
        </Link>
        <h1 className="min-w-0 truncate text-xl font-semibold">{thread.customer.name}</h1>
        <span className="text-sm text-slate-500">{thread.customer.handle}</span>
        <Link href={`/admin/customers/${customerId}`} className="text-sm text-brand-700 hover:underline sm:ml-auto">
          Customer page
        </Link>
      </header>

      <ol className="flex flex-1 flex-col gap-2" aria-label="Messages" data-testid="thread">
        {thread.messages.length === 0 ? <li className="text-sm text-slate-500">No WhatsApp messages with this customer yet.</li> : null}
        {thread.messages.map((message) => (
          <ThreadMessage key={message.id} message={message} />
        ))}
        <li ref={end} aria-hidden className="h-0" />
      </ol>

      <div className="sticky bottom-0 -mx-4 border-t border-slate-200 bg-white px-4 py-3">
        {thread.reply.ok ? (
          <>
            <p className="mb-2 text-sm text-slate-600" data-testid="window-text">
              {thread.reply.windowText}
            </p>
            <ReplyBox
              customerId={customerId}
              windowOpen={thread.reply.windowOpen}
              templates={templates}
              defaultTemplateKey={defaultTemplateKey}
              quotes={quotes}
              defaultQuoteId={defaultQuoteId}
              firstName={firstName}
            />
          </>
        ) : (
          <p className="text-sm text-slate-600" data-testid="reply-unavailable">
            {thread.reply.reason}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * Once the thread shows unread messages (and the tab is visible), marks read what it shows, by
 * the messages' ids, off the render: a message that arrives after it was drawn stays unread until
 * a poll shows it, and then is marked in turn.
 */
function useMarkSeen(customerId: string, thread: TThreadView) {
  const { execute } = useAction(markThreadSeenAction, { onSuccess: () => void revalidateInboxThread(customerId) });
  const asked = useRef<string | null>(null);
  const upTo = thread.unread > 0 ? thread.newestInboundId : null;
  const shown = thread.messages.flatMap((message) => (message.direction === "inbound" ? [message.id] : [])).join(" ");
  useEffect(() => {
    const key = `${upTo} ${shown}`;
    if (!upTo || asked.current === key || document.visibilityState !== "visible") return;
    asked.current = key;
    execute({ customerId, upToMessageId: upTo, shownIds: shown.split(" ") });
  }, [customerId, upTo, shown, execute]);
}

function ThreadMessage({ message }: { message: TThreadMessageView }) {
  const inbound = message.direction === "inbound";
  return (
    <li className={cn("flex", inbound ? "justify-start" : "justify-end")} data-testid="thread-message" data-direction={message.direction}>
      <div
        className={cn(
          "max-w-[85%] min-w-0 rounded-lg border px-3 py-2 text-sm break-words shadow-xs sm:max-w-[70%]",
          inbound ? "border-slate-200 bg-white" : "border-brand-100 bg-brand-50",
        )}
      >
        <MessageContent message={message} />
        {message.failure ? (
          <p className="mt-1 text-xs text-red-700" data-testid="message-failure">
            {message.failure}
          </p>
        ) : null}
        <p className="mt-1 flex flex-wrap items-center justify-end gap-x-2 text-xs text-slate-500">
          {message.about.map((about) => (
            <Link key={about.href} href={about.href} className="font-medium text-brand-700 hover:underline">
              {about.label}
            </Link>
          ))}
          {inbound ? null : <span>{message.sentBy}</span>}
          <time dateTime={message.createdAt}>{message.atText}</time>
          {inbound ? null : <MessageTicks status={message.status} />}
        </p>
      </div>
    </li>
  );
}

function MessageContent({ message }: { message: TThreadMessageView }) {
  if (message.inbound) return <InboundMessage content={message.inbound.view} />;
  if (message.template) {
    return (
      <div>
        <p className="text-xs font-medium text-slate-500">Template {message.template.name}</p>
        {message.template.parameters.length ? <p className="whitespace-pre-wrap">{message.template.parameters.join(" · ")}</p> : null}
      </div>
    );
  }
  if (message.body) return <p className="whitespace-pre-wrap">{message.body}</p>;
  return <p className="text-slate-600 italic">{messagePreview({ kind: message.kind, body: null, templateName: null })}</p>;
}
