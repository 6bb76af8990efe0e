// `npm run bench:orders`: the admin order list with 100,000 orders, on SQLite (default) or on
// PostgreSQL (a postgresql:// DATABASE_URL). First listOrders in-process (the query alone, p50/p95
// over 200 calls per view), then whole pages through the app server, 20 pages/s for 30 s per view,
// open-loop, beside the floor route on the same server; p95 goal under 30 ms for each.
import { fillOrders } from "./fill-orders.ts";
import { measureListViews, nameSearches, phoneSearch, type TListView } from "./list-pages.ts";
import { percentile } from "./open-loop.ts";
import { benchEnvironment, startBenchServer } from "./server.ts";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);

// `goal: false`: shown for what it costs, not held to the goal. A search for something no order
// has reads every row's searchText (a scan on SQLite; the trigram index on PostgreSQL).
const SCENARIOS: { label: string; query: (index: number) => string; goal?: false }[] = [
  { label: "page 1", query: () => "" },
  { label: "deep page (page 2000)", query: () => "page=2000" },
  { label: "search by name", query: (index) => `q=${encodeURIComponent(nameSearches[index % nameSearches.length]!)}` },
  { label: "search by phone", query: (index) => `q=${encodeURIComponent(phoneSearch(index))}` },
  // fillOrders numbers order n O-<year>-<n + 1> and its quote Q-…; the newest are from this year.
  { label: "search by reference", query: (index) => `q=O-${new Date().getUTCFullYear()}-${String(101 + ((index * 37) % 800)).padStart(6, "0")}` },
  { label: "open, by delivery date", query: () => "status=open&sort=delivery&dir=asc" },
  { label: "ready, by delivery date", query: () => "status=ready&sort=delivery&dir=asc" },
  { label: "search, no match (scan)", query: (index) => `q=nobody-${index % 10}`, goal: false },
];

type TRow = { label: string; inProcess: { p50: number; p95: number } };
const table: TRow[] = SCENARIOS.map((scenario) => ({ label: scenario.label, inProcess: { p50: NaN, p95: NaN } }));

// The query alone, in this process, on the filled database before the server starts (so the two
// do not share the CPU). lib/ reads DATABASE_URL when first imported, hence the late imports.
async function measureInProcess(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  const { prepareDatabase } = await import("../../lib/db.ts");
  const { parseOrderListParams } = await import("../../lib/orders/list-params.ts");
  const { listOrders } = await import("../../lib/orders/queries.ts");
  await prepareDatabase();
  for (const [index, scenario] of SCENARIOS.entries()) {
    const params = (i: number) => parseOrderListParams(Object.fromEntries(new URLSearchParams(scenario.query(i))));
    for (let i = 0; i < 10; i++) await listOrders(params(i)); // warm-up: page cache and prepared statements
    const times: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const start = performance.now();
      await listOrders(params(i));
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    table[index]!.inProcess = { p50: percentile(times, 50), p95: percentile(times, 95) };
  }
}

const env = benchEnvironment(3204);
const seeding = performance.now();
const server = await startBenchServer(env, async () => {
  await fillOrders(env.DATABASE_URL!, ORDERS);
  await measureInProcess(env.DATABASE_URL!);
});
console.log(`bench:orders — ${ORDERS.toLocaleString("en")} orders seeded, measured in-process and server up in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
console.log(`through the app server: ${RATE} pages/s for ${SECONDS} s per view`);
// The query alone, in this process, before the server is measured.
console.log("\nlistOrders in-process, times in ms     p50      p95");
for (const row of table) console.log(`  ${row.label.padEnd(34)}${row.inProcess.p50.toFixed(1).padStart(7)}${row.inProcess.p95.toFixed(1).padStart(9)}`);

const views: TListView[] = SCENARIOS.map((scenario) => ({
  label: scenario.label,
  path: (index) => `/admin/orders${scenario.query(index) ? `?${scenario.query(index)}` : ""}`,
  ...(scenario.goal === false ? { goal: false as const } : {}),
}));
const met = await measureListViews(server, { rate: RATE, seconds: SECONDS, rowTestId: "order-row", views });
await server.stop();
process.exit(met ? 0 : 1);
