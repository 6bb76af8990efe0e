// `npm run bench:webhooks`: signed status webhooks at 1,000/s for 30 s against the app server
// (scripts/server.ts), beside the floor route at the same rate on the same server. Then checks
// that every delivery answered 200 is on disk and applied, how long applying lagged behind the
// acknowledgement, and that every message ends up read.
// BENCH_WORKER=1 runs the web server with OUTBOX_IN_APP=false and `npm run worker` beside it
// (which then applies the deliveries); its CPU counts in the figures.
import { createHmac } from "node:crypto";
import { toReached } from "../../lib/message-lifecycle/transitions.ts";
import { startWorkerProcess } from "../../test/worker-process.ts";
import { openBenchDatabase } from "./database.ts";
import { measureFloor, measurePhase, printBesideFloor } from "./floor.ts";
import { openLoop, percentile } from "./open-loop.ts";
import { benchEnvironment, startBenchServer } from "./server.ts";

const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WITH_WORKER = process.env.BENCH_WORKER === "1";
const MESSAGES = 5000;
const APPLY_GOAL_MS = 5000;

const env = benchEnvironment(3201, WITH_WORKER ? { OUTBOX_IN_APP: "false" } : {});
// Only now: lib/env reads DATABASE_URL, which benchEnvironment has just set.
const { whatsappConfigFrom, parseEnv } = await import("../../lib/env.ts");
const config = whatsappConfigFrom(parseEnv(env), env.APP_URL!);

const server = await startBenchServer(env, async () => {
  const db = await openBenchDatabase(env.DATABASE_URL!);
  // Messages the sandbox accepted: the state a real send leaves them in before its webhooks.
  await db.message.createMany({
    data: Array.from({ length: MESSAGES }, (_, i) => ({
      id: `bench-m-${i}`,
      channel: "whatsapp",
      direction: "outbound",
      origin: "admin",
      kind: "template",
      ...toReached("accepted"),
      providerMessageId: `wamid.BENCH${i}`,
    })),
  });
});
const db = await openBenchDatabase(env.DATABASE_URL!);
const worker = WITH_WORKER ? startWorkerProcess(env) : null;
if (worker) await worker.ready;

const STATUSES = ["sent", "delivered", "read"];
const start = Math.floor(Date.now() / 1000);

function body(index: number): string {
  const message = index % MESSAGES;
  const status = STATUSES[Math.floor(index / MESSAGES) % STATUSES.length]!;
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: config.wabaId,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "27826754285", phone_number_id: config.phoneNumberId },
              statuses: [
                {
                  id: `wamid.BENCH${message}`,
                  status,
                  timestamp: String(start + index),
                  recipient_id: "27821234567",
                  biz_opaque_callback_data: `bench-m-${message}`,
                  pricing: { billable: true, pricing_model: "PMP", category: "utility", type: "regular" },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

function signed(payload: string) {
  const signature = `sha256=${createHmac("sha256", config.appSecret).update(payload).digest("hex")}`;
  return { method: "POST", path: "/api/webhooks/whatsapp", headers: { "content-type": "application/json", "x-hub-signature-256": signature }, body: payload };
}

const unapplied = () => db.webhookDelivery.count({ where: { processedAt: null } });
/** Waits (up to a minute) until every stored delivery is applied. */
async function allApplied(): Promise<void> {
  for (let wait = 0; wait < 600 && (await unapplied()) > 0; wait++) await new Promise((resolve) => setTimeout(resolve, 100));
}

console.log(
  `bench:webhooks — ${RATE}/s for ${SECONDS} s, ${MESSAGES} messages, statuses sent → delivered → read (after a 2 s warm-up at 20/s), beside the floor; ${env.DATABASE_URL!.split(":")[0]}, applier in ${WITH_WORKER ? "the worker" : "the web server"}`,
);
// Warm-up first (statuses for unknown wamids), so the first compile is not counted.
const warmUp = await openLoop({ baseUrl: server.url, rate: 20, seconds: 2, next: (index) => signed(body(index).replaceAll("BENCH", "WARMUP")) });
await allApplied();
const floor = await measureFloor(server, { rate: RATE, seconds: SECONDS });
const webhooks = await measurePhase(server, {
  label: "signed status webhooks",
  rate: RATE,
  seconds: SECONDS,
  next: (index) => signed(body(index)),
  // Applying is part of the cost, wherever it runs: the CPU reading waits for it.
  settle: allApplied,
  pids: worker?.child.pid ? [worker.child.pid] : [],
});
printBesideFloor(server, floor, [webhooks]);

const acknowledged = [...warmUp, ...webhooks.results].filter((result) => result.status === 200).length;
const rows = await db.webhookDelivery.findMany({ select: { receivedAt: true, processedAt: true } });
const lags = rows.flatMap((row) => (row.processedAt ? [row.processedAt.getTime() - row.receivedAt.getTime()] : [])).sort((a, b) => a - b);
const read = await db.message.count({ where: { id: { startsWith: "bench-m-" }, status: "read" } });
const expectRead = Math.min(MESSAGES, Math.max(0, webhooks.requests - 2 * MESSAGES));
await db.$disconnect();
if (worker) {
  worker.child.kill("SIGTERM");
  await worker.exited;
}
await server.stop();

const stored = rows.length;
const applied = lags.length;
console.log(`acknowledged (200): ${acknowledged}   stored: ${stored}   applied: ${applied}   messages now read: ${read} (expected ${expectRead})`);
console.log(`applied after acknowledgement: p50 ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms, max ${lags.at(-1) ?? NaN} ms`);
const checks = [
  [`≥ ${RATE}/s acknowledged with p99 < 50 ms`, webhooks.rate >= RATE * 0.97 && webhooks.p99 < 50],
  ["every acknowledged delivery stored", stored >= acknowledged],
  [`every stored delivery applied within ${APPLY_GOAL_MS / 1000} s`, applied === stored && (lags.at(-1) ?? 0) <= APPLY_GOAL_MS],
  ["CPU within 2× of the floor", webhooks.cpuMsPerRequest <= 2 * floor.cpuMsPerRequest],
] as const;
for (const [goal, met] of checks) console.log(`goal ${goal}: ${met ? "met" : "NOT met"}`);
process.exit(stored >= acknowledged && read === expectRead ? 0 : 1);
