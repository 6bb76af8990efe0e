import { Badge } from "@/components/ui/badge";
import { isOrderStatus, ORDER_STATUS_LABEL, ORDER_STATUS_TONE } from "@/lib/orders/status";

/** An order's status as a coloured label; an unknown status is shown as stored, never hidden. */
export function OrderStatusBadge({ status, className }: { status: string; className?: string }) {
  return (
    <Badge tone={isOrderStatus(status) ? ORDER_STATUS_TONE[status] : "neutral"} className={className} data-testid="order-status">
      {isOrderStatus(status) ? ORDER_STATUS_LABEL[status] : status}
    </Badge>
  );
}
