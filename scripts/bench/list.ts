// `npm run bench:list`: the admin quote list with 100,000 quotes, on SQLite (default) or on
// PostgreSQL (a postgresql:// DATABASE_URL). 20 pages/s for 30 s per view, open-loop, beside the
// floor route on the same server: page 1, a deep page, searches by name, phone and reference.
// p95 goal under 30 ms for each.
import { fillQuotes } from "./fill.ts";
import { measureListViews, nameSearches, phoneSearch, type TListView } from "./list-pages.ts";
import { benchEnvironment, startBenchServer } from "./server.ts";

const QUOTES = Number(process.env.BENCH_QUOTES ?? 100_000);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);

const env = benchEnvironment(3202);
const seeding = performance.now();
const server = await startBenchServer(env, () => fillQuotes(env.DATABASE_URL!, QUOTES));
console.log(
  `bench:list — ${QUOTES.toLocaleString("en")} quotes on ${env.DATABASE_URL!.split(":")[0]}, seeded and server up in ${((performance.now() - seeding) / 1000).toFixed(1)} s; ${RATE} pages/s for ${SECONDS} s per view`,
);

// fillQuotes numbers quote n Q-<year>-<n + 1>; the newest thousand are from this year.
const reference = (index: number) => `Q-${new Date().getUTCFullYear()}-${String(101 + ((index * 37) % 800)).padStart(6, "0")}`;
const VIEWS: TListView[] = [
  { label: "page 1", path: () => "/admin/quotes" },
  { label: "deep page (page 2000)", path: () => "/admin/quotes?page=2000" },
  { label: "new, oldest first", path: () => "/admin/quotes?status=new&dir=asc" },
  { label: "search by name", path: (index) => `/admin/quotes?q=${encodeURIComponent(nameSearches[index % nameSearches.length]!)}` },
  { label: "search by phone", path: (index) => `/admin/quotes?q=${encodeURIComponent(phoneSearch(index))}` },
  { label: "search by reference", path: (index) => `/admin/quotes?q=${reference(index)}` },
];

const met = await measureListViews(server, { rate: RATE, seconds: SECONDS, rowTestId: "quote-row", views: VIEWS });
await server.stop();
process.exit(met ? 0 : 1);
