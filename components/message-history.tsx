// Filled in by the messages module: the audit-log messages of one quote.
export async function MessageHistory({ quoteId }: { quoteId: string }) {
  return <div data-quote-id={quoteId} />;
}
