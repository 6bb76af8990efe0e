// `npm run backup [-- <file>]`: a consistent copy of the database, safe while the app runs.
// SQLite: VACUUM INTO, one read transaction, so the copy includes what is still in the
// write-ahead log and writers carry on meanwhile. PostgreSQL: pg_dump's custom format (-Fc), one
// snapshot, restored with `npm run restore`. Default file: data/backups/<database>-<time>.{db,dump}.
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { loadEnvironment } from "./environment";
import { pgTool, run, targetOf, timestamp } from "./backup-tools";

loadEnvironment();
const target = targetOf(process.env.DATABASE_URL);
const name = target.kind === "sqlite" ? path.basename(target.file, ".db") : new URL(target.url).pathname.slice(1) || "postgres";
const out = path.resolve(process.argv[2] ?? path.join("data", "backups", `${name}-${timestamp()}.${target.kind === "sqlite" ? "db" : "dump"}`));
if (existsSync(out)) {
  console.error(`${out} already exists; choose another file.`);
  process.exit(1);
}
mkdirSync(path.dirname(out), { recursive: true });

try {
  if (target.kind === "sqlite") {
    if (!existsSync(target.file)) throw new Error(`${target.file} does not exist.`);
    const client = createClient({ url: `file:${target.file}` });
    try {
      // Wait for a writer's lock instead of failing: the app may be busy.
      await client.execute("PRAGMA busy_timeout = 10000");
      await client.execute({ sql: "VACUUM INTO ?", args: [out] });
    } finally {
      client.close();
    }
  } else {
    run(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--file", out, "--dbname", target.url]);
  }
} catch (error) {
  const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
  console.error(`Backup failed: ${detail}`);
  process.exit(1);
}
console.log(`Backed up the ${target.kind === "sqlite" ? "SQLite" : "PostgreSQL"} database to ${out} (${(statSync(out).size / 1024).toFixed(0)} KiB).`);
const shown = path.relative(process.cwd(), out);
console.log(`Restore it with: npm run restore -- ${shown.startsWith("..") ? out : shown}`);
