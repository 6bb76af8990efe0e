import Link from "next/link";
import { env } from "@/lib/env";
import { messagingLimitWarning } from "@/lib/whatsapp-usage/usage";

const count = new Intl.NumberFormat(env.BUSINESS_LOCALE);
const percent = new Intl.NumberFormat(env.BUSINESS_LOCALE, { style: "percent", maximumFractionDigits: 0 });

/** On every admin page from 80 % of the WhatsApp messaging limit: before sends start to wait. */
export async function MessagingLimitBanner() {
  const usage = await messagingLimitWarning();
  if (!usage || usage.limit === null) return null;
  const reached = usage.level === "reached";
  return (
    <div role="status" data-testid="messaging-limit-banner" className={reached ? "border-b border-red-200 bg-red-50 text-red-900" : "border-b border-amber-300 bg-amber-50 text-amber-900"}>
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm">
        <strong>WhatsApp messaging limit {reached ? "reached" : "nearly reached"}:</strong> {count.format(usage.used)} of {count.format(usage.limit)} customers in the last 24
        hours ({percent.format(usage.share ?? 0)}). {reached ? "Templates to further customers wait in the queue until a slot frees" : "Above it, templates to further customers wait in the queue"};
        replies inside a customer&apos;s window still go out.{" "}
        <Link href="/admin" className="font-medium underline">
          Dashboard
        </Link>
      </p>
    </div>
  );
}
