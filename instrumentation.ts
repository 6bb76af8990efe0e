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
  const { startOutbox, stopOutbox } = await import("@/lib/outbox/runtime");
  if (env.OUTBOX_IN_APP) startOutbox();
  // With NEXT_MANUAL_SIG_HANDLE (set by `npm start`) Next leaves SIGTERM/SIGINT to us: the
  // dispatcher stops claiming and finishes the sends in flight, so none is left uncertain.
  if (process.env.NEXT_MANUAL_SIG_HANDLE === "true") {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        void stopOutbox().finally(() => process.exit(0));
      });
    }
  }
}
