// Runs once per server process before requests are served. Server-only modules are imported
// inside the Node.js branch so they never reach the edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("@/lib/db");
  await prepareDatabase();
  const { startWebhookSweeper } = await import("@/lib/messages/webhook-inbox");
  // Not awaited: it runs beside the server for the life of the process.
  startWebhookSweeper();
}
