import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { TWeekActivity } from "@/lib/dashboard/queries";
import { env } from "@/lib/env";

const weekLabel = new Intl.DateTimeFormat(env.BUSINESS_LOCALE, { day: "numeric", month: "short", timeZone: "UTC" });
const label = (weekStart: string) => weekLabel.format(new Date(`${weekStart}T00:00:00Z`));

const SERIES = [
  { key: "quotes", name: "Quotes", bar: "bg-brand-500", swatch: "bg-brand-500" },
  { key: "orders", name: "Orders", bar: "bg-sky-500", swatch: "bg-sky-500" },
] as const;

/**
 * Quotes and orders created per week, as CSS bars with their numbers on them. The bars are for
 * the eye only; screen readers get the same numbers as a table.
 */
export function WeeklyChart({ weeks }: { weeks: TWeekActivity[] }) {
  const max = Math.max(1, ...weeks.flatMap((week) => [week.quotes, week.orders]));
  return (
    <Card aria-labelledby="weekly-heading">
      <CardHeader>
        <CardTitle id="weekly-heading">Quotes and orders per week</CardTitle>
        <ul className="flex gap-3 text-xs text-slate-600" aria-hidden>
          {SERIES.map((series) => (
            <li key={series.key} className="flex items-center gap-1">
              <span className={`size-2.5 rounded-sm ${series.swatch}`} />
              {series.name}
            </li>
          ))}
        </ul>
      </CardHeader>
      <CardContent>
        <div className="flex h-44 items-end gap-1 sm:gap-2" aria-hidden data-testid="weekly-chart">
          {weeks.map((week) => (
            <div key={week.weekStart} className="flex h-full min-w-0 flex-1 flex-col justify-end">
              <div className="flex flex-1 items-end justify-center gap-0.5">
                {SERIES.map((series) => (
                  <div key={series.key} className="flex h-full w-1/2 max-w-6 flex-col justify-end text-center">
                    <span className="text-[10px] leading-4 text-slate-600 tabular-nums">{week[series.key]}</span>
                    <div className={`rounded-t-sm ${series.bar}`} style={{ height: `${(week[series.key] / max) * 85}%`, minHeight: week[series.key] ? 2 : 0 }} />
                  </div>
                ))}
              </div>
              <span className="mt-1 truncate text-center text-[10px] text-slate-500">{label(week.weekStart)}</span>
            </div>
          ))}
        </div>
        {/* The wrapper is what is hidden: a table ignores sr-only's 1 px width and widened a phone's page to 589 px. */}
        <div className="sr-only">
          <table>
            <caption>Quotes and orders created per week, for the last {weeks.length} weeks, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Week starting</th>
                <th scope="col">Quotes</th>
                <th scope="col">Orders</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.weekStart}>
                  <th scope="row">{label(week.weekStart)}</th>
                  <td>{week.quotes}</td>
                  <td>{week.orders}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </CardContent>
    </Card>
  );
}
