import { BadgeCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";

/** "Verified" beside an email or phone the customer proved, with when; nothing when unproven. */
export function VerifiedBadge({ at, what, testId }: { at: Date | null | undefined; what: string; testId?: string }) {
  if (!at) return null;
  return (
    <Badge tone="success" className="whitespace-normal" title={`The customer proved this ${what} on ${formatDateTime(at)}`} data-testid={testId}>
      <BadgeCheck className="size-3.5 shrink-0" aria-hidden />
      Verified {formatDateTime(at)}
    </Badge>
  );
}
