// `npm run bench:quotes`: quote submissions at 300/s for 30 s through the form's own server
// action (the same POST a browser makes), open-loop, beside the floor route at the same rate on
// the same server. Then checks that exactly as many quotes are stored as were answered with a
// quote number.
import { readFileSync } from "node:fs";
import path from "node:path";
import { openBenchDatabase } from "./database.ts";
import { measureFloor, measureIdleCpu, measurePhase, printBesideFloor } from "./floor.ts";
import { openLoop } from "./open-loop.ts";
import { benchEnvironment, startBenchServer } from "./server.ts";

const RATE = Number(process.env.BENCH_RATE ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);

// The per-IP limit is configuration; the benchmark lifts it. OUTBOX_IN_APP=false in the
// environment measures the web server alone, with the dispatcher in another process.
const env = benchEnvironment(3203, { QUOTE_RATE_LIMIT: "0", OUTBOX_IN_APP: process.env.OUTBOX_IN_APP ?? "true" });
const server = await startBenchServer(env);

const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json"), "utf8")) as {
  node: Record<string, { exportedName?: string; filename?: string }>;
};
const actionId = Object.entries(manifest.node).find(([, action]) => action.exportedName === "submitQuoteAction")?.[0];
if (!actionId) throw new Error("submitQuoteAction not found in the build's server-reference manifest");

console.log(`bench:quotes — ${RATE}/s for ${SECONDS} s through submitQuoteAction (after a 4 s warm-up at 50/s), beside the floor; ${env.DATABASE_URL!.split(":")[0]}, OUTBOX_IN_APP=${env.OUTBOX_IN_APP}`);
const submission = (index: number) => ({
  method: "POST",
  path: "/quote",
  headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
  body: JSON.stringify([
    {
      name: `Bench Buyer ${index}`,
      email: `bench${index}@example.com`,
      phone: index % 2 ? `08${String(20_000_000 + index).padStart(8, "0")}` : "",
      contactPreference: index % 2 ? "whatsapp" : "email",
      whatsappConsent: index % 2 === 1,
      occasion: "A birthday hamper with chocolates and flowers",
      budget: "750",
      neededBy: "",
      deliveryArea: "Durbanville",
      notes: "",
      website: "",
    },
  ]),
});
const numbered = (results: { status: number; body?: string }[]) => results.filter((result) => result.status === 200 && /"number":"Q-\d{4}-\d+"/.test(result.body ?? "")).length;

// Warm-up first, so the first compile of each code path is not counted; its quotes count below.
const warmUp = await openLoop({ baseUrl: server.url, rate: 50, seconds: 4, keepBody: true, next: (index) => submission(1_000_000 + index) });
const idle = await measureIdleCpu(server, 5);
const floor = await measureFloor(server, { rate: RATE, seconds: SECONDS });
const quotes = await measurePhase(server, { label: "quote submissions", rate: RATE, seconds: SECONDS, keepBody: true, next: submission });
printBesideFloor(server, floor, [quotes]);
console.log(`server CPU at idle (before the floor, 5 s): ${idle.toFixed(1)} ms/s`);

const succeeded = numbered(warmUp) + numbered(quotes.results);
const db = await openBenchDatabase(env.DATABASE_URL!);
const stored = await db.quote.count();
await db.$disconnect();
console.log(`answered with a quote number: ${succeeded}   quotes stored: ${stored}   ${succeeded === stored ? "(equal)" : "(DIFFERENT)"}`);
console.log(`goal ≥ ${RATE}/s with p99 < 20 ms: ${quotes.rate >= RATE * 0.97 && quotes.p99 < 20 ? "met" : "NOT met"}; CPU within 2× of the floor: ${quotes.cpuMsPerRequest <= 2 * floor.cpuMsPerRequest ? "met" : "NOT met"}`);
await server.stop();
process.exit(succeeded === stored ? 0 : 1);
