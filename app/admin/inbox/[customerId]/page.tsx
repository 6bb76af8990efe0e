import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { getThread, replyableQuotes } from "@/lib/inbox/queries";
import { ZCustomerIdSchema } from "@/lib/inbox/schema";
import { toThreadView } from "@/lib/inbox/view";
import { templateChoices } from "@/lib/messages/templates";
import { defaultTemplateKey } from "@/lib/templates/choices";
import { acceptLinkFor } from "@/lib/quotes/accept-link";
import { QUOTE_STATUS_LABEL, type TQuoteStatus } from "@/lib/quotes/status";
import { firstNameOf, quoteTemplateSuggestions } from "@/lib/quotes/template-suggestions";
import { ThreadView } from "./thread-view";
import type { TReplyQuote } from "./reply-box";

export const metadata: Metadata = { title: "Conversation" };

/** One customer's WhatsApp conversation, both directions, with the reply box. */
export default async function InboxThreadPage({ params }: PageProps<"/admin/inbox/[customerId]">) {
  const { customerId } = await params;
  await requireAdmin(`/admin/inbox/${encodeURIComponent(customerId)}`);
  const parsed = ZCustomerIdSchema.safeParse(customerId);
  const thread = parsed.success ? await getThread(parsed.data) : null;
  if (!thread) notFound();
  const now = new Date();
  const view = toThreadView(thread, now);
  const [templates, quotes] = view.reply.ok ? await Promise.all([templateChoices(), replyableQuotes(thread.customer.id, thread.customer.phone)]) : [null, []];
  const firstName = firstNameOf(thread.customer.name);
  const replyQuotes: TReplyQuote[] = quotes.map((quote) => {
    const suggested = quoteTemplateSuggestions(thread.customer.name, quote);
    return {
      id: quote.id,
      label: `${quote.number} (${QUOTE_STATUS_LABEL[quote.status as TQuoteStatus] ?? quote.status})`,
      suggestedParameters: suggested.positional,
      suggestedNamed: suggested.named,
      suggestedButton: acceptLinkFor(quote, now)?.path ?? null,
    };
  });
  // The reply is about what the customer last wrote about (else what we last wrote about), when that is one of these quotes.
  const lastAbout = (thread.messages.findLast((message) => message.direction === "inbound" && message.quote) ?? thread.messages.findLast((message) => message.quote))?.quote?.id;
  return (
    <ThreadView
      initial={view}
      templates={templates}
      defaultTemplateKey={templates?.ok ? defaultTemplateKey(templates.templates, null) : ""}
      quotes={replyQuotes}
      defaultQuoteId={replyQuotes.some((quote) => quote.id === lastAbout) ? lastAbout! : ""}
      firstName={firstName}
    />
  );
}
