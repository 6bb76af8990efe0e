import { Badge } from "@/components/ui/badge";
import { isQuoteStatus, QUOTE_STATUS_LABEL, QUOTE_STATUS_TONE } from "@/lib/quotes/status";

/** A quote's status as a coloured label; an unknown status is shown as stored, never hidden. */
export function QuoteStatusBadge({ status, className }: { status: string; className?: string }) {
  return (
    <Badge tone={isQuoteStatus(status) ? QUOTE_STATUS_TONE[status] : "neutral"} className={className} data-testid="quote-status">
      {isQuoteStatus(status) ? QUOTE_STATUS_LABEL[status] : status}
    </Badge>
  );
}
