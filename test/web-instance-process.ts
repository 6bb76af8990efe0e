// One web instance for the several-instances test, in a process of its own: the app's WhatsApp
// webhook route on a loopback port, on the test's database, with the background work the server
// starts (instrumentation-node.ts: the delivery applier, unless OUTBOX_IN_APP=false). It is what
// a `scripts/server.ts` process does for this route, without a `next build`: the route handler
// is a plain Fetch handler. Prints "web instance at <url>" when it listens.
import { startReceiver } from "@/test/http-receiver";

const { prepareDatabase, db } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { startWebhookApplier, stopWebhookApplier } = await import("@/lib/messages/webhook-inbox");
const route = await import("@/app/api/webhooks/whatsapp/route");
await prepareDatabase();
if (env.OUTBOX_IN_APP) startWebhookApplier({ pollMs: 5_000 });
const server = await startReceiver((request) => route.POST(request));
console.log(`web instance at ${server.url}`);

process.on("SIGTERM", () => {
  void server
    .close()
    .then(() => stopWebhookApplier())
    .then(() => db.$disconnect())
    .finally(() => process.exit(0));
});
