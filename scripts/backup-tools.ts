// What `npm run backup` and `npm run restore` share: where the database is, PostgreSQL's client
// programs, and the checks of a backup file and of a database that may be in use.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readlinkSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { z } from "zod";

export type TTarget = { kind: "sqlite"; file: string } | { kind: "postgresql"; url: string };

const ZDatabaseUrl = z
  .string()
  .min(1)
  .refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\//.test(url), "DATABASE_URL must be a file: (SQLite) or postgresql:// URL");

// Prisma's own URL parameters, which libpq (pg_dump, psql) refuses.
const PRISMA_ONLY_PARAMS = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout", "sslaccept"];

export function targetOf(databaseUrl: string | undefined): TTarget {
  const url = ZDatabaseUrl.parse(databaseUrl);
  if (url.startsWith("file:")) return { kind: "sqlite", file: path.resolve(url.slice("file:".length).replace(/\?.*$/, "")) };
  const parsed = new URL(url);
  for (const name of PRISMA_ONLY_PARAMS) parsed.searchParams.delete(name);
  return { kind: "postgresql", url: parsed.toString() };
}

/** A PostgreSQL client program: the newest installed server version's, else the one on PATH. */
export function pgTool(name: "pg_dump" | "pg_restore" | "psql"): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((version) => existsSync(path.join(base, version, "bin", name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  // pg_dump refuses servers newer than itself, so the newest one wins.
  return versions[0] ? path.join(base, versions[0], "bin", name) : name;
}

export const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** The SQLite file's companions: while any connection is open, SQLite keeps these beside it. */
export const sqliteCompanions = (file: string) => [`${file}-wal`, `${file}-shm`];

/** Processes (other than this one) that hold `file` open, from /proc (Linux; none found elsewhere). */
function processesWithOpen(file: string): number[] {
  if (!existsSync("/proc")) return [];
  const holders: number[] = [];
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)) {
    try {
      if (readdirSync(`/proc/${pid}/fd`).some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === file)) holders.push(Number(pid));
    } catch {
      // Gone meanwhile, or another user's process (whose files we cannot see).
    }
  }
  return holders;
}

/**
 * Why the database may be in use (an app, a worker, a console), or null. SQLite: a process on
 * this machine has the file open, or the write-ahead log files are there (they exist while a
 * connection is open, or after a crash). PostgreSQL: other sessions on the database.
 */
export function whyInUse(target: TTarget): string | null {
  if (target.kind === "sqlite") {
    const holders = processesWithOpen(target.file);
    if (holders.length) return `process ${holders.join(", ")} has the file open`;
    const open = sqliteCompanions(target.file).filter((file) => existsSync(file));
    return open.length ? `${path.basename(open[0]!)} exists beside the database: something has it open (or stopped without closing it)` : null;
  }
  const sessions = Number(run(pgTool("psql"), ["-X", "-At", "-d", target.url, "-c", "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"]).trim());
  return sessions > 0 ? `${sessions} other session${sessions === 1 ? " is" : "s are"} connected to the database` : null;
}

/** Throws with a reason a person can act on unless `file` is a backup of this app's database. */
export async function checkBackupFile(file: string, kind: TTarget["kind"], knownMigrations: readonly string[]): Promise<void> {
  if (!existsSync(file)) throw new Error(`${file} does not exist.`);
  if (kind === "postgresql") {
    let listing: string;
    try {
      listing = run(pgTool("pg_restore"), ["--list", file]);
    } catch {
      throw new Error(`${file} is not a pg_dump archive (pg_restore --list cannot read it).`);
    }
    if (!/ TABLE [^\n]*_prisma_migrations/.test(listing)) throw new Error(`${file} is a pg_dump archive, but not of this app's database (no _prisma_migrations table).`);
    return;
  }
  const client = createClient({ url: `file:${file}` });
  try {
    let integrity: unknown;
    try {
      integrity = (await client.execute("PRAGMA integrity_check")).rows[0]?.[0];
    } catch {
      throw new Error(`${file} is not a SQLite database.`);
    }
    if (integrity !== "ok") throw new Error(`${file} is damaged (integrity check: ${String(integrity)}).`);
    let applied: string[];
    try {
      applied = (await client.execute("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL")).rows.map((row) => String(row[0]));
    } catch {
      throw new Error(`${file} is a SQLite database, but not this app's (no _prisma_migrations table).`);
    }
    const unknown = applied.filter((name) => !knownMigrations.includes(name));
    if (unknown.length) throw new Error(`${file} was made by a newer version of the app (migration ${unknown[0]} is not in this one): update the app first.`);
  } finally {
    client.close();
  }
}

/** The SQLite migrations this app has (prisma/migrations), to refuse backups from a newer version. */
export function knownSqliteMigrations(root: string): string[] {
  const folder = path.join(root, "prisma", "migrations");
  return readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

export const timestamp = () => new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
