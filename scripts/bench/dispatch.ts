// `npm run bench:dispatch`: how fast the outbox drains 1,000 queued WhatsApp messages into the
// Graph API sandbox, and whether it trips Meta's limits. The sandbox enforces the number's
// throughput (WHATSAPP_MAX_MPS per 1,000 ms, else 130429) and a pair rate (more than 3 sends to
// one customer in 6 s, else 131056); the dispatcher paces itself against both.
// The dispatcher is `npm run worker` in its own process, as in production, and the sandbox stays
// in this one: like Meta, it does not share the dispatcher's CPU.
// Goal: the configured rate (80/s by default) with no rate-limit errors.
import { randomUUID } from "node:crypto";
import { contactSnapshotOf } from "@/lib/customers/recipient";
import { cpuMsOf, measureFloor, printBesideFloor } from "./floor.ts";
import { benchEnvironment, startBenchServer } from "./server.ts";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1000);

const { freePort, startReceiver } = await import("@/test/http-receiver");
const sandboxPort = await freePort();
// A web server on the same database, for the floor beside the worker's cost per message; it
// sends nothing itself (OUTBOX_IN_APP=false). benchEnvironment points this process at its database.
const benchEnv = benchEnvironment(3205, { OUTBOX_IN_APP: "false", WHATSAPP_API_BASE_URL: `http://127.0.0.1:${sandboxPort}` });
Object.assign(process.env, { NEXTAUTH_SECRET: benchEnv.NEXTAUTH_SECRET, LOG_LEVEL: "error", WHATSAPP_ACCESS_TOKEN: "", WHATSAPP_API_BASE_URL: benchEnv.WHATSAPP_API_BASE_URL });
const server = await startBenchServer(benchEnv);
const floor = await measureFloor(server, { rate: 80, seconds: 10 });
const { env, whatsappConfig } = await import("@/lib/env");
const { db, prepareDatabase } = await import("@/lib/db");
const { startSandboxServer } = await import("@/lib/whatsapp/sandbox/node-server");

await prepareDatabase();
const rate = env.WHATSAPP_MAX_MPS;
const receiver = await startReceiver(() => new Response("ok"));
const graph = await startSandboxServer({
  ...whatsappConfig,
  port: sandboxPort,
  webhookUrl: receiver.url,
  webhookDelayMs: 0,
  throughputPerSecond: rate,
  pairLimit: { count: 3, windowMs: 6_000 },
  // 1,000 templates to new customers: past a new portfolio's 250 a day, which the outbox would hold.
  setup: { messagingLimit: "TIER_UNLIMITED" },
});

// 1,000 messages to 1,000 customers measure the rate; then 20 customers get three messages at
// once (quote received, answered, accepted), which the pair limit must spread out.
const BURST_CUSTOMERS = 20;
const customers = Array.from({ length: MESSAGES }, (_, index) => ({
  id: randomUUID(),
  name: `Bench ${index}`,
  phone: `2784${String(1_000_000 + index)}`,
  contactPreference: "whatsapp",
  whatsappConsentAt: new Date(),
}));
await db.customer.createMany({ data: customers });
const quotes = customers.map((customer, index) => ({
  id: randomUUID(),
  number: `Q-2026-${index}`,
  customerId: customer.id,
  ...contactSnapshotOf({ ...customer, email: null }),
  occasion: "Hamper",
  currency: "ZAR",
  searchText: "",
}));
await db.quote.createMany({ data: quotes });
const events = ["quote.received", "quote.answered", "quote.accepted"];
const rows = quotes.map((quote) => ({ quoteId: quote.id, customerId: quote.customerId, event: events[0]! }));
for (const quote of quotes.slice(0, BURST_CUSTOMERS)) {
  for (const event of events.slice(1)) rows.push({ quoteId: quote.id, customerId: quote.customerId, event });
}
const now = new Date();
await db.message.createMany({
  data: rows.map((row) => ({
    channel: "whatsapp",
    direction: "outbound",
    origin: `system:${row.event}`,
    event: row.event,
    kind: "notification",
    customerId: row.customerId,
    quoteId: row.quoteId,
    idempotencyKey: `${row.event}:${row.quoteId}:bench`,
    status: "queued",
    dueAt: now,
  })),
});

console.log(`Draining ${rows.length} messages (${MESSAGES} to different customers, then ${BURST_CUSTOMERS} customers × 2 more) at WHATSAPP_MAX_MPS=${rate} …`);
const { startWorkerProcess } = await import("@/test/worker-process");
const worker = startWorkerProcess(process.env);
await worker.ready;
const workerCpuBefore = cpuMsOf([worker.child.pid!]);
const started = performance.now();
for (;;) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  const open = await db.message.count({ where: { status: { in: ["queued", "sending"] } } });
  if (open === 0) break;
}
const seconds = (performance.now() - started) / 1000;
const workerCpuMs = cpuMsOf([worker.child.pid!]) - workerCpuBefore;
worker.child.kill("SIGTERM");
await worker.exited;

// The rate, from the sandbox's own clock: the first MESSAGES sends (all to different customers).
const times = graph.sandbox.sent.map((message) => message.at.getTime()).sort((a, b) => a - b);
const steadySeconds = (times[MESSAGES - 1]! - times[0]!) / 1000;
let maxInWindow = 0;
for (let start = 0, end = 0; end < times.length; end++) {
  while (times[end]! - times[start]! >= 1000) start++;
  maxInWindow = Math.max(maxInWindow, end - start + 1);
}
const statuses = await db.message.groupBy({ by: ["status"], _count: { _all: true } });
console.log("");
console.log(`messages             ${rows.length}`);
console.log(`accepted by sandbox  ${graph.sandbox.sent.length}`);
console.log(`rate                 ${((MESSAGES - 1) / steadySeconds).toFixed(1)} messages/s over the first ${MESSAGES} (configured ${rate}/s)`);
console.log(`wall time            ${seconds.toFixed(1)} s in all (the pair limit spaces each customer's 3 messages 6 s apart)`);
console.log(`busiest 1,000 ms     ${maxInWindow} sends`);
console.log(`130429 (throughput)  ${graph.sandbox.limitCounts.throughput}`);
console.log(`131056 (pair rate)   ${graph.sandbox.limitCounts.pair}`);
console.log(`final statuses       ${statuses.map((row) => `${row.status} ${row._count._all}`).join(", ")}`);
printBesideFloor(server, floor, []);
console.log(`worker CPU per message sent: ${(workerCpuMs / rows.length).toFixed(2)} ms (${(workerCpuMs / rows.length / floor.cpuMsPerRequest).toFixed(1)}× the floor's per request)`);
await server.stop();
await graph.close();
await receiver.close();
await db.$disconnect();
process.exit(0);
