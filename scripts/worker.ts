// `npm run worker`: the message dispatcher on its own, beside or instead of the one inside the
// web server (set OUTBOX_IN_APP=false on the server to run only this one). SIGTERM or Ctrl-C
// stops claiming, lets the sends in flight finish, and exits.
import { loadEnvironment } from "./environment";

loadEnvironment();
// lib/env reads process.env when first imported: only after the environment is loaded.
const { prepareDatabase, db } = await import("@/lib/db");
const { createConfiguredDispatcher } = await import("@/lib/outbox/runtime");
const { log } = await import("@/lib/log");

await prepareDatabase();
const dispatcher = createConfiguredDispatcher();
dispatcher.start();
log.info("outbox worker started", { workerId: dispatcher.workerId });

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info("outbox worker stopping", { signal, ...dispatcher.stats });
  await dispatcher.stop();
  await db.$disconnect();
  process.exit(0);
};
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
