// Filled in by the messages module: the "Send WhatsApp" button and dialog for one quote.
export async function SendWhatsAppPanel({ quoteId }: { quoteId: string }) {
  return <div data-quote-id={quoteId} />;
}
