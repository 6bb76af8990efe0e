import { Badge, type TBadgeTone } from "@/components/ui/badge";

const STATUS: Record<string, { label: string; tone: TBadgeTone }> = {
  queued: { label: "Queued", tone: "neutral" },
  sending: { label: "Sending", tone: "neutral" },
  accepted: { label: "Accepted", tone: "info" },
  sent: { label: "Sent", tone: "info" },
  delivered: { label: "Delivered", tone: "success" },
  read: { label: "Read", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  uncertain: { label: "Uncertain", tone: "warning" },
  received: { label: "Received", tone: "brand" },
};

export function MessageStatusBadge({ status }: { status: string }) {
  const known = STATUS[status] ?? { label: status, tone: "neutral" as const };
  return (
    <Badge tone={known.tone} data-testid="message-status">
      {known.label}
    </Badge>
  );
}
