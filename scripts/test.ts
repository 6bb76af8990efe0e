// `npm test`: every test. Vitest (unit and integration, on real databases, the Graph API sandbox
// and loopback HTTP) twice, on SQLite files and then on PostgreSQL, and then Playwright in
// Chromium against `next start` (on SQLite). Ends with one line of totals across all three runs.
//
// PostgreSQL: the server TEST_DATABASE_URL names (postgresql://user@host:port/db; the tests make
// and drop their own databases on it), or else a throwaway cluster started here from the
// installed server binaries (/usr/lib/postgresql/*/bin) and removed at the end. Without either
// the PostgreSQL run is skipped, and the summary says so.
//
// `npm test -- lib/auth prisma` runs only those vitest files, on both databases, and no Playwright.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { findPostgresBin, startPostgresCluster, type TPostgresCluster } from "./postgres-cluster";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(chromium)) {
  console.error(`Chromium is needed for the browser tests: install it with \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  process.exit(1);
}

const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
delete baseEnv.TEST_DATABASE_URL;
const reports = {
  sqlite: path.join(root, "test-results", "vitest-sqlite.json"),
  postgresql: path.join(root, "test-results", "vitest-postgresql.json"),
  e2e: path.join(root, "test-results", "e2e-results.json"),
};
for (const file of Object.values(reports)) rmSync(file, { force: true });

const vitestFilters = process.argv.slice(2);

type TRun = { name: string; passed: number; failed: number; ok: boolean; skipped?: string; failures?: string[] };

type TVitestReport = {
  numPassedTests?: number;
  numFailedTests?: number;
  testResults?: { name: string; status: string; message?: string; assertionResults?: { fullName: string; status: string }[] }[];
};

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

function vitest(name: string, report: string, env: NodeJS.ProcessEnv): TRun {
  console.log(`\n=== vitest on ${name} ===\n`);
  const args = ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...vitestFilters];
  const result = spawnSync(bin("vitest"), args, { cwd: root, stdio: "inherit", env });
  const json = readJson<TVitestReport>(report);
  return { name: `vitest ${name}`, passed: json?.numPassedTests ?? 0, failed: json?.numFailedTests ?? 0, ok: result.status === 0, failures: vitestFailures(json) };
}

// The failed tests by file and name (and a file that failed without a test, such as an import
// error), repeated after the last runner's output so the end of a long log says what to look at.
function vitestFailures(report: TVitestReport | null): string[] {
  return (report?.testResults ?? []).flatMap((file) => {
    const where = path.relative(root, file.name);
    const tests = (file.assertionResults ?? []).filter((test) => test.status === "failed").map((test) => `${where} › ${test.fullName}`);
    if (tests.length === 0 && file.status === "failed") return [`${where}: ${(file.message ?? "failed").split("\n")[0]}`];
    return tests;
  });
}

async function postgresServer(): Promise<{ url: string; cluster?: TPostgresCluster } | { skipped: string }> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL };
  const postgresBin = findPostgresBin();
  if (!postgresBin) return { skipped: "no PostgreSQL: install the `postgresql` package or set TEST_DATABASE_URL" };
  const cluster = await startPostgresCluster(postgresBin);
  console.log(`\nA throwaway PostgreSQL cluster (${postgresBin}) at ${cluster.url}`);
  return { url: cluster.url, cluster };
}

const runs: TRun[] = [vitest("sqlite", reports.sqlite, baseEnv)];

const server = await postgresServer();
if ("skipped" in server) {
  console.log(`\n=== vitest on postgresql: skipped (${server.skipped}) ===`);
  runs.push({ name: "vitest postgresql", passed: 0, failed: 0, ok: true, skipped: server.skipped });
} else {
  // Stopped however the run ends, so no cluster outlives `npm test`.
  const stop = () => server.cluster?.stop();
  process.once("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
  try {
    runs.push(vitest("postgresql", reports.postgresql, { ...baseEnv, TEST_DATABASE_URL: server.url }));
  } finally {
    stop();
  }
}

if (vitestFilters.length > 0) {
  runs.push({ name: "playwright", passed: 0, failed: 0, ok: true, skipped: "vitest files named" });
} else {
  console.log("\n=== playwright (sqlite) ===\n");
  const e2e = spawnSync(bin("playwright"), ["test"], { cwd: root, stdio: "inherit", env: baseEnv });
  const p = readJson<{ stats?: { expected?: number; unexpected?: number; flaky?: number } }>(reports.e2e);
  runs.push({ name: "playwright", passed: p?.stats?.expected ?? 0, failed: (p?.stats?.unexpected ?? 0) + (p?.stats?.flaky ?? 0), ok: e2e.status === 0 });
}

for (const run of runs) {
  if (run.failures?.length) console.log(`\n${run.name} failed:\n${run.failures.map((line) => `  ✗ ${line}`).join("\n")}`);
}
const passed = runs.reduce((sum, run) => sum + run.passed, 0);
const failed = runs.reduce((sum, run) => sum + run.failed, 0);
const broken = runs.some((run) => !run.ok);
console.log(`\n${runs.map((run) => `${run.name}: ${run.skipped ? "skipped" : `${run.passed} passed, ${run.failed} failed`}`).join("; ")}`);
// A runner that failed without failing a test (a crash, a setup error) still counts as one failure.
console.log(`${passed} passed, ${broken && failed === 0 ? 1 : failed} failed`);
process.exit(broken ? 1 : 0);
