import { env } from "@/lib/env";
import { listQuoteMessages } from "@/lib/messages/queries";
import { toMessageView } from "@/lib/messages/view";
import { MessageList } from "@/components/message-list";

/** The audit-log messages of one quote; statuses follow the webhooks while the page is open. */
export async function MessageHistory({ quoteId }: { quoteId: string }) {
  const messages = await listQuoteMessages(quoteId);
  return <MessageList quoteId={quoteId} initial={messages.map(toMessageView)} timeZone={env.BUSINESS_TIME_ZONE} locale={env.BUSINESS_LOCALE} />;
}
