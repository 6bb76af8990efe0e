// `npm run worker`: the message dispatcher and the webhook applier on their own, beside or
// instead of the ones inside the web server (set OUTBOX_IN_APP=false on the server to run only
// these). SIGTERM or Ctrl-C stops claiming, lets the sends and the batch in flight finish, and exits.
import { loadEnvironment } from "./environment";

loadEnvironment();
// lib/env reads process.env when first imported: only after the environment is loaded.
const { prepareDatabase, db } = await import("@/lib/db");
const { createConfiguredDispatcher, startDoctorChecks, startTemplateSync, stopDoctorChecks, stopTemplateSync } = await import("@/lib/outbox/runtime");
const { log } = await import("@/lib/log");
const { startWebhookApplier, stopWebhookApplier } = await import("@/lib/messages/webhook-inbox");

await prepareDatabase();
const dispatcher = createConfiguredDispatcher();
dispatcher.start();
// The web servers store deliveries; this process finds them by polling (one indexed read).
startWebhookApplier({ pollMs: 500 });
startTemplateSync();
startDoctorChecks();
log.info("outbox worker started", { workerId: dispatcher.workerId });

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info("outbox worker stopping", { signal, ...dispatcher.stats });
  stopTemplateSync();
  stopDoctorChecks();
  await Promise.all([dispatcher.stop(), stopWebhookApplier()]);
  await db.$disconnect();
  process.exit(0);
};
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
