// `npm test`: every test. Vitest (unit and integration, on real SQLite files, the Graph API
// sandbox and loopback HTTP) and then Playwright in Chromium against `next start`. Ends with one
// line of totals across both.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(chromium)) {
  console.error(`Chromium is needed for the browser tests: install it with \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const unitReport = path.join(root, "test-results", "vitest-results.json");
const e2eReport = path.join(root, "test-results", "e2e-results.json");
rmSync(unitReport, { force: true });
rmSync(e2eReport, { force: true });

const unit = spawnSync(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${unitReport}`], { cwd: root, stdio: "inherit", env });
const e2e = spawnSync(bin("playwright"), ["test"], { cwd: root, stdio: "inherit", env });

function readJson(file: string): Record<string, unknown> | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : null;
}

const u = readJson(unitReport) as { numPassedTests?: number; numFailedTests?: number } | null;
const p = readJson(e2eReport) as { stats?: { expected?: number; unexpected?: number; flaky?: number } } | null;
const passed = (u?.numPassedTests ?? 0) + (p?.stats?.expected ?? 0);
const failed = (u?.numFailedTests ?? 0) + (p?.stats?.unexpected ?? 0) + (p?.stats?.flaky ?? 0);
const broken = unit.status !== 0 || e2e.status !== 0;

console.log(`\nvitest: ${u?.numPassedTests ?? 0} passed, ${u?.numFailedTests ?? 0} failed; playwright: ${p?.stats?.expected ?? 0} passed, ${p?.stats?.unexpected ?? 0} failed`);
console.log(`${passed} passed, ${broken && failed === 0 ? 1 : failed} failed`);
process.exit(broken ? 1 : 0);
