// What bench:list and bench:orders share: each view of an admin list measured through the app
// server (open-loop, beside the floor), with the rows and the bytes of the page it answered.
import { measureFloor, measurePhase, printBesideFloor, type TPhase } from "./floor.ts";
import { openLoop } from "./open-loop.ts";
import { signIn, type TBenchServer } from "./server.ts";

export type TListView = { label: string; path: (index: number) => string; /** Shown for its cost, not held to the goal. */ goal?: false };

type TViewResult = { view: TListView; phase: TPhase; rows: number; bytes: number };

// The quote list's (and order list's) search terms for fillQuotes' rows: customer n has the phone
// 2782 followed by n in seven digits, typed here the local way ("082 001 2345").
export const nameSearches = ["thabo", "naidoo", "lerato dlamini", "megan"];
export const phoneSearch = (index: number) => {
  const digits = String(10_000 + ((index * 7_919) % 90_000)).padStart(7, "0");
  return `082 ${digits.slice(0, 3)} ${digits.slice(3)}`;
};

/** Measures the floor, then every view, and prints them side by side with rows and page bytes. */
export async function measureListViews(server: TBenchServer, options: { rate: number; seconds: number; rowTestId: string; views: TListView[] }): Promise<boolean> {
  const cookie = await signIn(server.url);
  const floor = await measureFloor(server, { rate: options.rate, seconds: options.seconds });
  const results: TViewResult[] = [];
  for (const view of options.views) {
    const next = (index: number) => ({ method: "GET", path: view.path(index), headers: { cookie } });
    // A short warm-up so the first render of each view is not counted.
    await openLoop({ baseUrl: server.url, rate: 10, seconds: 1, next });
    const phase = await measurePhase(server, { label: view.goal === false ? `${view.label} *` : view.label, rate: options.rate, seconds: options.seconds, keepBody: true, next });
    const body = phase.results.find((result) => result.body)?.body ?? "";
    results.push({ view, phase, rows: body.split(`data-testid="${options.rowTestId}"`).length - 1, bytes: Buffer.byteLength(body) });
    for (const result of phase.results) result.body = undefined;
  }
  printBesideFloor(
    server,
    floor,
    results.map((result) => result.phase),
  );
  console.log("\nrows and bytes per page (HTML with its RSC payload, uncompressed):");
  for (const result of results) console.log(`  ${result.phase.label.padEnd(34)} ${String(result.rows).padStart(3)} rows  ${(result.bytes / 1024).toFixed(1).padStart(6)} KB`);
  let met = true;
  for (const { view, phase, rows } of results) {
    if (view.goal === false) continue;
    if (phase.p95 >= 30 || phase.ok < phase.requests || rows === 0) met = false;
  }
  console.log(`goal p95 < 30 ms at ${options.rate} pages/s on each view without *: ${met ? "met" : "NOT met"}`);
  return met;
}
