// `npm run bench:webhooks`: signed status webhooks at 1,000/s for 30 s against the app server (scripts/server.ts).
// Prints latency percentiles (from when each request was due), then checks that every
// delivery answered 200 is on disk, and the server's memory.
import { createHmac } from "node:crypto";
import { toReached } from "../../lib/message-lifecycle/transitions.ts";
import { whatsappConfigFrom, parseEnv } from "../../lib/env.ts";
import { benchClient } from "./fill.ts";
import { openLoop, summarize } from "./open-loop.ts";
import { benchEnvironment, startBenchServer } from "./server.ts";

const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const MESSAGES = 5000;

const env = benchEnvironment(3201);
const config = whatsappConfigFrom(parseEnv(env), env.APP_URL!);

const server = await startBenchServer(env, async () => {
  const db = benchClient(env.DATABASE_URL!);
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
  await db.$disconnect();
});

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

console.log(`bench:webhooks — ${RATE}/s for ${SECONDS} s, ${MESSAGES} messages, statuses sent → delivered → read (after a 2 s warm-up at 20/s)`);
function signed(payload: string) {
  const signature = `sha256=${createHmac("sha256", config.appSecret).update(payload).digest("hex")}`;
  return { method: "POST", path: "/api/webhooks/whatsapp", headers: { "content-type": "application/json", "x-hub-signature-256": signature }, body: payload };
}
// Warm-up first (statuses for unknown wamids), so the first compile is not counted.
const warmUp = await openLoop({ baseUrl: server.url, rate: 20, seconds: 2, next: (index) => signed(body(index).replaceAll("BENCH", "WARMUP")) });
const results = await openLoop({ baseUrl: server.url, rate: RATE, seconds: SECONDS, next: (index) => signed(body(index)) });
const summary = summarize("signed status webhooks", results);
const acknowledged = [...warmUp, ...results].filter((result) => result.status === 200).length;

// Give the applier a moment to finish, then compare what is on disk with what was acknowledged.
const db = benchClient(env.DATABASE_URL!);
const stored = await db.webhookDelivery.count();
let applied = 0;
for (let wait = 0; wait < 60; wait++) {
  applied = await db.webhookDelivery.count({ where: { processedAt: { not: null } } });
  if (applied === stored) break;
  await new Promise((resolve) => setTimeout(resolve, 500));
}
const read = await db.message.count({ where: { status: "read" } });
await db.$disconnect();

console.log(`acknowledged (200): ${acknowledged}   stored: ${stored}   applied: ${applied}   messages now read: ${read}/${MESSAGES}`);
console.log(`server memory after run: ${server.rssMb().toFixed(0)} MB RSS`);
console.log(`goal p99 < 50 ms: ${summary.p99 < 50 ? "met" : "NOT met"}; every acknowledged delivery stored: ${stored >= acknowledged ? "yes" : "NO"}`);
await server.stop();
process.exit(stored >= acknowledged ? 0 : 1);
