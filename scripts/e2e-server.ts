// Starts the app for Playwright on a database made fresh for this run. It refuses any database
// but the local throwaway file, so an end-to-end run can never touch real data.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const THROWAWAY = "file:./data/e2e.db";

if (process.env.DATABASE_URL !== THROWAWAY) {
  console.error(`e2e: refusing to run against ${process.env.DATABASE_URL ?? "(unset)"}; only ${THROWAWAY} is allowed.`);
  process.exit(1);
}
for (const suffix of ["", "-wal", "-shm"]) rmSync(path.join(root, "data", `e2e.db${suffix}`), { force: true });

const child = spawn(process.execPath, ["--import", path.join(root, "scripts", "node-hooks.mjs"), path.join(root, "scripts", "start.ts")], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
