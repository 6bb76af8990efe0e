import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import type { TMessagingLimitUsage } from "@/lib/whatsapp-usage/usage";

const count = new Intl.NumberFormat(env.BUSINESS_LOCALE);
const percent = new Intl.NumberFormat(env.BUSINESS_LOCALE, { style: "percent", maximumFractionDigits: 0 });

const BAR = { ok: "bg-emerald-500", warn: "bg-amber-500", reached: "bg-red-600" } as const;

/** Customers reached in the last 24 hours against the messaging limit, as a bar and in words. */
export function MessagingLimitMeter({ usage }: { usage: TMessagingLimitUsage }) {
  const { used, limit, share, level } = usage;
  return (
    <div className="space-y-1 text-sm" data-testid="messaging-limit" data-level={level}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-2">
        <span className="font-medium">
          {count.format(used)} of {limit === null ? "unlimited" : count.format(limit)} customers in the last 24 hours
        </span>
        {share !== null ? <span className="tabular-nums text-slate-600">{percent.format(share)}</span> : null}
      </div>
      {limit !== null ? (
        <div className="h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden>
          <div className={`h-full ${BAR[level]}`} style={{ width: `${Math.min(1, share ?? 0) * 100}%` }} />
        </div>
      ) : null}
      {level === "reached" ? (
        <p className="text-red-800">Limit reached: new business-initiated messages wait{usage.nextFreeAt ? ` until about ${formatDateTime(usage.nextFreeAt)}` : ""}.</p>
      ) : level === "warn" ? (
        <p className="text-amber-800">Over 80 % of the limit: above it, templates to further customers wait in the queue.</p>
      ) : null}
    </div>
  );
}
