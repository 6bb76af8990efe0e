import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { isQuoteStatus, QUOTE_STATUS_LABEL, type TQuoteStatus } from "@/lib/quotes/status";

const TONE: Record<TQuoteStatus, TBadgeTone> = {
  new: "brand",
  quoted: "info",
  accepted: "success",
  declined: "neutral",
  expired: "warning",
  cancelled: "neutral",
};

export function QuoteStatusBadge({ status }: { status: string }) {
  if (!isQuoteStatus(status)) return <Badge>{status}</Badge>;
  return (
    <Badge tone={TONE[status]} data-testid="quote-status">
      {QUOTE_STATUS_LABEL[status]}
    </Badge>
  );
}
