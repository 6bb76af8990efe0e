import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { TChannelDelivery } from "@/lib/dashboard/queries";
import { env } from "@/lib/env";

const count = new Intl.NumberFormat(env.BUSINESS_LOCALE);
const percent = new Intl.NumberFormat(env.BUSINESS_LOCALE, { style: "percent", maximumFractionDigits: 0 });

const CHANNEL = {
  whatsapp: { name: "WhatsApp", delivered: "delivered or read" },
  email: { name: "Email", delivered: "accepted by the mail server" },
} as const;

/** Per channel, how many automatic and hand-sent messages of the last 30 days arrived; counts, not only a percentage. */
export function DeliveryRates({ channels }: { channels: TChannelDelivery[] }) {
  return (
    <Card aria-labelledby="delivery-heading">
      <CardHeader>
        <CardTitle id="delivery-heading">Delivery, last 30 days</CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="space-y-4" data-testid="delivery-rates">
          {channels.map((channel) => {
            const finished = channel.delivered + channel.notDelivered;
            return (
              <li key={channel.channel} className="space-y-1 text-sm">
                <div className="flex items-baseline justify-between gap-2">
                  <span className="font-medium">{CHANNEL[channel.channel].name}</span>
                  <span className="text-lg font-semibold tabular-nums">{channel.rate === null ? "—" : percent.format(channel.rate)}</span>
                </div>
                <div className="h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                  <div className="h-full bg-emerald-500" style={{ width: `${(channel.rate ?? 0) * 100}%` }} />
                </div>
                <p className="text-slate-600">
                  {finished === 0
                    ? "No finished messages."
                    : `${count.format(channel.delivered)} of ${count.format(finished)} ${CHANNEL[channel.channel].delivered}; ${count.format(channel.notDelivered)} failed.`}
                  {channel.inFlight ? ` ${count.format(channel.inFlight)} still on the way.` : ""}
                </p>
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}
