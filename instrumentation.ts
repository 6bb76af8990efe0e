// Runs once per server process before requests are served. Server-only modules are imported
// inside the Node.js branch so they never reach the edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("@/lib/db");
  await prepareDatabase();
  const { startWebhookSweeper } = await import("@/lib/messages/webhook-inbox");
  // Not awaited: these run beside the server for the life of the process.
  startWebhookSweeper();
  const { env } = await import("@/lib/env");
  if (env.OUTBOX_IN_APP) {
    const { startOutbox } = await import("@/lib/outbox/runtime");
    startOutbox();
  }
}
