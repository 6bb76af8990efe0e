import { Timeline } from "@/components/timeline";
import { MessageStatusBadge } from "@/components/message-status-badge";
import { formatDateTime } from "@/lib/format";
import type { TAuditMessage } from "@/lib/messages/audit-queries";

/**
 * Each status WhatsApp reported, in the order it happened (webhooks may arrive out of order and
 * repeat; each status is stored once, with Meta's own time).
 */
export function StatusHistory({ events }: { events: TAuditMessage["statusEvents"] }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">No status reports from WhatsApp.</p>;
  return (
    <Timeline testId="message-status-history">
      {events.map((event) => (
        <li key={event.id} className="text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <MessageStatusBadge status={event.status} />
            <span className="text-slate-600">{formatDateTime(event.occurredAt)}</span>
            {event.pricingType ? <span className="text-xs text-slate-500">Billed as {event.pricingType}</span> : null}
          </div>
          {event.errorTitle || event.errorCode ? (
            <p className="mt-1 text-red-800">
              {event.errorTitle ?? "Error"}
              {event.errorCode ? ` (code ${event.errorCode})` : null}
              {event.errorDetail ? <span className="block text-slate-700">{event.errorDetail}</span> : null}
            </p>
          ) : null}
        </li>
      ))}
    </Timeline>
  );
}
