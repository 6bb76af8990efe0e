// Stores one customer WhatsApp message: its content in the columns of its kind
// (lib/messages/inbound-columns.ts), filed on the quote or order it belongs to
// (lib/messages/inbound-filing.ts). A template's "Accept" / "Decline" quick reply answers the quote
// of the message it was tapped on (lib/quotes/respond-by-whatsapp.ts), and what that did is kept
// on the message. The caller stores each wamid once, so none of this runs twice for a repeat.
import "server-only";
import type { TTx } from "@/lib/db";
import { createReceivedMessage } from "@/lib/message-lifecycle/transitions";
import { inboundColumns } from "@/lib/messages/inbound-columns";
import { fileInbound, type TInboundFiling } from "@/lib/messages/inbound-filing";
import { quickReplyAnswer, respondByWhatsApp, type TQuickReplyResult } from "@/lib/quotes/respond-by-whatsapp";
import { parseInboundContent, type TInboundContent } from "@/lib/whatsapp/inbound-content";
import type { TWebhookEvent } from "@/lib/whatsapp/webhook";

type TInboundEvent = Extract<TWebhookEvent, { type: "message" }>;

export type TStoredInbound = { id: string; filing: TInboundFiling; content: TInboundContent; replyOutcome: string | null; queued: number };

/** What a button's answer to a quote did, or null (another button, or no button at all). */
async function answerQuickReply(tx: TTx, content: TInboundContent, filing: TInboundFiling, now: Date): Promise<TQuickReplyResult | null> {
  if (content.kind !== "button" && content.kind !== "interactive") return null;
  const answer = quickReplyAnswer({ text: content.body, payload: content.replyId });
  if (!answer) return null;
  // Accepting makes an order: only on the quote the tapped message was about, never a guess.
  if (filing.by !== "context" || !filing.quoteId) return { outcome: "Nothing changed: WhatsApp did not say which quote this answers.", acted: false };
  return respondByWhatsApp(tx, { quoteId: filing.quoteId, answer, buttonText: content.body, now });
}

export async function storeInboundMessage(tx: TTx, event: TInboundEvent, customerId: string, now: Date): Promise<TStoredInbound> {
  const content = parseInboundContent(event.raw);
  const columns = inboundColumns(content, event.contextWamid);
  const filing = await fileInbound(tx, { customerId, contextWamid: columns.contextWamid });
  const answer = await answerQuickReply(tx, content, filing, now);
  const replyOutcome = answer?.outcome ?? null;
  const message = await createReceivedMessage(tx, {
    ...columns,
    channel: "whatsapp",
    origin: "customer",
    customerId,
    quoteId: filing.quoteId,
    orderId: filing.orderId,
    replyOutcome,
    recipient: event.from ?? event.userId ?? null,
    requestPayload: JSON.stringify(event.raw),
    providerMessageId: event.wamid,
    createdAt: event.timestamp,
  });
  return { id: message.id, filing, content, replyOutcome, queued: answer?.acted ? 1 : 0 };
}
