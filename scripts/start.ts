// `npm start`: the app on the embedded database (or the PostgreSQL DATABASE_URL names), from a
// fresh clone to a served app.
// Loads .env, makes and keeps a NEXTAUTH_SECRET, migrates and seeds the database, builds when the
// sources changed since the last build, then serves it (scripts/server.ts).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

import { loadEnvironment } from "./environment";
import { prismaCommand } from "./migration-tools";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function run(command: string, args: string[], options: { quiet?: boolean } = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: options.quiet ? "pipe" : "inherit", env: process.env, encoding: "utf8" });
  if (result.status !== 0) {
    if (options.quiet) process.stderr.write(`${result.stdout}${result.stderr}`);
    process.exit(result.status ?? 1);
  }
  return result.stdout ?? "";
}

/** A fingerprint of everything `next build` reads, so a stale build is rebuilt. */
function sourceStamp(): string {
  const hash = createHash("sha256");
  const visit = (target: string) => {
    if (!existsSync(target)) return;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(target).sort()) {
        if (entry !== "node_modules" && !entry.startsWith(".")) visit(path.join(target, entry));
      }
    } else {
      hash.update(`${path.relative(root, target)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const entry of ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.mjs", "package-lock.json", "postcss.config.mjs"]) {
    visit(path.join(root, entry));
  }
  return hash.digest("hex");
}

function buildIfStale() {
  const stampFile = path.join(root, ".next", "ssg-source-stamp");
  const stamp = sourceStamp();
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
  if (built) return;
  console.log("Building the app (first start or changed sources)…");
  run(bin("next"), ["build"]);
  writeFileSync(stampFile, stamp);
}

loadEnvironment();
// Validate configuration before anything else, so a bad variable is named at once.
await import("../lib/env.ts").catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
// Prisma's own output is long (and warns about the datasource url it needs for generate), so
// it is shown only when migrating fails.
// Either database: prisma.config.ts picks the migrations folder from DATABASE_URL.
const migrated = run(...prismaCommand(["migrate", "deploy"]), { quiet: true });
console.log(/No pending migrations/.test(migrated) ? "Database up to date." : "Database migrated.");
run(process.execPath, ["--import", path.join(root, "scripts", "node-hooks.mjs"), path.join(root, "prisma", "seed.ts")]);
if (process.env.SKIP_BUILD !== "1") buildIfStale();

const port = process.env.PORT || "3000";
const host = process.env.HOSTNAME || "0.0.0.0";
// Our own server around Next (scripts/server.cjs, server.ts), so the per-IP limit sees the
// connection's address. On SIGTERM it lets the message dispatcher finish its sends first
// (`next start` exits about 17 ms after SIGTERM without waiting for anything).
const server = spawn(process.execPath, [path.join(root, "scripts", "server.cjs")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", PORT: port, HOSTNAME: host },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
