import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { MessagingLimitMeter } from "@/components/messaging-limit-meter";
import { getAdmin } from "@/lib/auth/session";
import { whatsappCostByWeek } from "@/lib/dashboard/whatsapp-cost";
import { env } from "@/lib/env";
import { formatCalendarDate, formatMoney } from "@/lib/format";
import { categoryLabel, estimateCentsForDisplay } from "@/lib/whatsapp-usage/cost-estimate";
import { canManageSettings } from "@/lib/roles";
import { messagingLimitUsage } from "@/lib/whatsapp-usage/usage";

const count = new Intl.NumberFormat(env.BUSINESS_LOCALE);

/** The messaging limit now, and per week what WhatsApp messages were free, billable by category, and about what they cost. */
export async function WhatsAppCost({ now }: { now: Date }) {
  const [cost, usage, admin] = await Promise.all([whatsappCostByWeek(now), messagingLimitUsage(now), getAdmin()]);
  const canEditRates = !!admin && canManageSettings(admin.role);
  const weeks = [...cost.weeks].reverse();
  const unrated = [...new Set(cost.weeks.flatMap((week) => week.unrated))];
  return (
    <Card aria-labelledby="whatsapp-cost-heading">
      <CardHeader>
        <CardTitle id="whatsapp-cost-heading">WhatsApp limit and cost</CardTitle>
        {canEditRates ? (
          <Link href="/admin/settings/billing" className="text-sm font-medium text-brand-700 hover:underline">
            Limits and rates
          </Link>
        ) : null}
      </CardHeader>
      <CardContent className="space-y-4">
        <MessagingLimitMeter usage={usage} />
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="whatsapp-cost">
            <caption className="sr-only">WhatsApp messages by week: free, billable by category, and the estimate</caption>
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Week of</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Free</th>
                <th scope="col" className="py-1 pr-3 font-medium">Billable</th>
                <th scope="col" className="py-1 text-right font-medium">Estimate</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {weeks.map((week) => (
                <tr key={week.weekStart} data-testid="whatsapp-cost-week">
                  <th scope="row" className="py-1.5 pr-3 font-normal whitespace-nowrap">{formatCalendarDate(week.weekStart)}</th>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{count.format(week.free)}</td>
                  <td className="py-1.5 pr-3">
                    {week.billableTotal === 0 ? "0" : `${count.format(week.billableTotal)}: ${week.billable.map((row) => `${count.format(row.count)} ${categoryLabel(row.category).toLowerCase()}`).join(", ")}`}
                  </td>
                  <td className="py-1.5 text-right tabular-nums whitespace-nowrap">
                    {formatMoney(estimateCentsForDisplay(week.estimateMicros))}
                    {week.unrated.length ? "*" : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-xs text-slate-500">
          Counts and categories are Meta&apos;s, from each message&apos;s status updates; the estimate uses the business&apos;s own rates
          {unrated.length ? `. * No rate set for ${unrated.map((category) => categoryLabel(category).toLowerCase()).join(", ")}: counted at 0.` : "."}
        </p>
      </CardContent>
    </Card>
  );
}
