import Link from "next/link";
import { AlertTriangle, ArrowRight, CheckCircle2 } from "lucide-react";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import type { TWebhookHeartbeat } from "@/lib/messages/webhook-queries";
import { cn } from "@/lib/cn";

const count = new Intl.NumberFormat(env.BUSINESS_LOCALE);
const relative = new Intl.RelativeTimeFormat(env.BUSINESS_LOCALE, { numeric: "auto" });

// A delivery normally waits milliseconds; one waiting minutes means applying has stopped.
const STALE_BACKLOG_MS = 5 * 60_000;

/** "3 minutes ago", in the largest unit that fits. */
export function describeAge(from: Date, now: Date): string {
  const seconds = Math.round((from.getTime() - now.getTime()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  return relative.format(seconds, "second");
}

type TProps = { heartbeat: TWebhookHeartbeat; now: Date };

/** Is Meta reaching us, and are we keeping up: the last delivery, the last one done, what waits. */
export function WebhookHeartbeat({ heartbeat, now }: TProps) {
  const { lastReceivedAt, lastAppliedAt, backlog, oldestBacklogAt, parked } = heartbeat;
  const stale = !!oldestBacklogAt && now.getTime() - oldestBacklogAt.getTime() > STALE_BACKLOG_MS;
  const trouble = parked > 0 || stale;
  const at = (value: Date | null) => (value ? `${describeAge(value, now)} (${formatDateTime(value)})` : "never");
  return (
    <Link
      href="/admin/webhooks"
      className={cn(
        "group block rounded-lg border p-4 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none",
        trouble ? "border-amber-300 bg-amber-50 hover:bg-amber-100" : "border-slate-200 bg-white hover:bg-slate-50",
      )}
      data-testid="webhook-heartbeat"
    >
      <h2 className="flex items-center gap-1 text-sm font-medium text-slate-800">
        {trouble ? <AlertTriangle className="size-4 text-amber-600" aria-hidden /> : <CheckCircle2 className="size-4 text-emerald-600" aria-hidden />}
        WhatsApp webhooks
        <ArrowRight className="ml-auto size-4 transition-transform group-hover:translate-x-0.5" aria-hidden />
      </h2>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="inline text-slate-500">Last received: </dt>
          <dd className="inline" data-testid="webhook-last-received">{at(lastReceivedAt)}</dd>
        </div>
        <div>
          <dt className="inline text-slate-500">Last applied: </dt>
          <dd className="inline" data-testid="webhook-last-applied">{at(lastAppliedAt)}</dd>
        </div>
        <div>
          <dt className="inline text-slate-500">Waiting: </dt>
          <dd className="inline tabular-nums" data-testid="webhook-backlog">
            {count.format(backlog)}
            {oldestBacklogAt ? `, oldest received ${describeAge(oldestBacklogAt, now)}` : ""}
          </dd>
        </div>
        <div>
          <dt className="inline text-slate-500">Parked: </dt>
          <dd className={cn("inline tabular-nums", parked > 0 && "font-semibold text-amber-900")} data-testid="webhook-parked">
            {count.format(parked)}
            {parked > 0 ? " failed to apply, need a look" : ""}
          </dd>
        </div>
      </dl>
    </Link>
  );
}
