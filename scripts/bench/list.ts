// `npm run bench:list`: the admin quote list with 100,000 quotes. 20 pages/s for 30 s each on
// page 1, a deep page and a search by name, open-loop; p95 goal under 30 ms for each.
import { fillQuotes } from "./fill.ts";
import { openLoop, summarize } from "./open-loop.ts";
import { benchEnvironment, signIn, startBenchServer } from "./server.ts";

const QUOTES = Number(process.env.BENCH_QUOTES ?? 100_000);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);

const env = benchEnvironment(3202);
const seeding = performance.now();
const server = await startBenchServer(env, () => fillQuotes(env.DATABASE_URL!, QUOTES));
console.log(`bench:list — ${QUOTES.toLocaleString("en")} quotes seeded and server up in ${((performance.now() - seeding) / 1000).toFixed(1)} s; ${RATE} pages/s for ${SECONDS} s each`);
const cookie = await signIn(server.url);

const SCENARIOS: { label: string; path: (index: number) => string }[] = [
  { label: "page 1", path: () => "/admin/quotes" },
  { label: "deep page (page 2000)", path: () => "/admin/quotes?page=2000" },
  { label: "search by name", path: (index) => `/admin/quotes?q=${["thabo", "naidoo", "lerato dlamini", "megan"][index % 4]}` },
];

let met = true;
for (const scenario of SCENARIOS) {
  // A short warm-up so the first compile of each route is not counted.
  await openLoop({ baseUrl: server.url, rate: 10, seconds: 1, next: (index) => ({ method: "GET", path: scenario.path(index), headers: { cookie } }) });
  const results = await openLoop({
    baseUrl: server.url,
    rate: RATE,
    seconds: SECONDS,
    keepBody: true,
    next: (index) => ({ method: "GET", path: scenario.path(index), headers: { cookie } }),
  });
  const rows = (results[0]?.body?.match(/data-testid="quote-row"/g) ?? []).length;
  const summary = summarize(scenario.label, results.map((result) => ({ ...result, body: undefined })));
  console.log(`${" ".repeat(28)} rows on the page: ${rows}`);
  if (summary.p95 >= 30 || summary.errors > 0 || rows === 0) met = false;
}
console.log(`server memory after run: ${server.rssMb().toFixed(0)} MB RSS`);
console.log(`goal p95 < 30 ms on each: ${met ? "met" : "NOT met"}`);
await server.stop();
