import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { listParkedDeliveries, webhookHeartbeat } from "@/lib/messages/webhook-queries";
import { WEBHOOK_MAX_ATTEMPTS } from "@/lib/messages/webhook-retry-policy";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { WebhookHeartbeat } from "@/components/dashboard/webhook-heartbeat";
import { ParkedDeliveryActions } from "./parked-delivery-actions";

export const metadata: Metadata = { title: "Webhooks" };

const count = new Intl.NumberFormat(env.BUSINESS_LOCALE);

/** Webhook intake: the heartbeat, and the deliveries that failed to apply, with Retry and Discard. */
export default async function WebhooksPage() {
  await requireAdmin("/admin/webhooks");
  const now = new Date();
  const [heartbeat, parked] = await Promise.all([webhookHeartbeat(), listParkedDeliveries()]);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold">WhatsApp webhooks</h1>
      <WebhookHeartbeat heartbeat={heartbeat} now={now} />
      <Card aria-labelledby="parked-heading">
        <CardHeader>
          <CardTitle id="parked-heading">Parked deliveries</CardTitle>
          <span className="text-sm text-slate-500">{count.format(heartbeat.parked)} parked</span>
        </CardHeader>
        <CardContent className="space-y-4">
          <p className="text-sm text-slate-600">
            Each of these was acknowledged to Meta but failed to apply {WEBHOOK_MAX_ATTEMPTS} times, so it waits here and holds up nothing. Retry
            applies it now (after a fix, say); Discard marks it done without applying it. `npm run webhooks:replay` retries them all.
          </p>
          {parked.length === 0 ? (
            <p className="text-sm text-slate-500" data-testid="parked-empty">
              Nothing parked: every delivery was applied or recorded.
            </p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="parked-deliveries">
              {parked.map((delivery) => (
                <li key={delivery.id} className="space-y-2 py-3" data-testid="parked-delivery">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                    <span>Received {formatDateTime(delivery.receivedAt)}</span>
                    <span className="text-slate-500">parked {formatDateTime(delivery.parkedAt)}</span>
                    <span className="text-slate-500">{delivery.attempts} tries</span>
                    {delivery.retriedAt ? (
                      <span className="text-slate-500">
                        last retried {formatDateTime(delivery.retriedAt)}
                        {delivery.retriedBy ? ` by ${delivery.retriedBy}` : " by the replay script"}
                      </span>
                    ) : null}
                    <span className="ml-auto">
                      <ParkedDeliveryActions deliveryId={delivery.id} />
                    </span>
                  </div>
                  <p className="text-sm text-red-800" data-testid="parked-error">
                    {delivery.lastError ?? "No error was recorded."}
                  </p>
                  <details>
                    <summary className="cursor-pointer text-sm text-brand-700">Body as received ({count.format(delivery.bodyLength)} characters)</summary>
                    {/* Rendered as text, never as HTML: the body is whatever the sender put in it. */}
                    <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-2 text-xs break-all whitespace-pre-wrap" data-testid="parked-body">
                      {delivery.bodyPreview}
                      {delivery.bodyLength > delivery.bodyPreview.length ? `\n… ${count.format(delivery.bodyLength - delivery.bodyPreview.length)} more characters` : ""}
                    </pre>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
