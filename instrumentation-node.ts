// The server's background work, for the Node.js runtime only. Kept apart from instrumentation.ts
// (which Next also bundles for the edge runtime) so that Node APIs never reach the edge bundle.
import { prepareDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { startWebhookApplier, stopWebhookApplier } from "@/lib/messages/webhook-inbox";
import { startDoctorChecks, startOutbox, startTemplateSync, stopDoctorChecks, stopOutbox, stopTemplateSync } from "@/lib/outbox/runtime";

export async function registerNode() {
  await prepareDatabase();
  // Not awaited: these run beside the server for the life of the process.
  // The background work runs here, or in `npm run worker` (OUTBOX_IN_APP=false): then this
  // server only stores webhook deliveries and queues messages.
  if (env.OUTBOX_IN_APP) {
    startWebhookApplier({ pollMs: 5_000 });
    startOutbox();
    startTemplateSync();
    startDoctorChecks();
  }
  // With NEXT_MANUAL_SIG_HANDLE (set by `npm start`) Next leaves SIGTERM/SIGINT to us: the
  // dispatcher stops claiming and finishes the sends in flight, so none is left uncertain.
  if (process.env.NEXT_MANUAL_SIG_HANDLE === "true") {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        stopTemplateSync();
        stopDoctorChecks();
        void Promise.all([stopOutbox(), stopWebhookApplier()]).finally(() => process.exit(0));
      });
    }
  }
}
