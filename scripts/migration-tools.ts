// The Prisma CLI steps that author and check migrations, for both providers. `prisma migrate dev`
// needs Prisma's native engine, which this set-up avoids, and `migrate diff --from-migrations`
// cannot build its shadow database through the driver adapters; so "the schema the migrations
// make" is read back from a scratch database they were applied to (`db pull`), and diffed as a
// datamodel. The CLI picks schema, migrations folder and adapter from DATABASE_URL
// (prisma.config.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

/** The Prisma CLI as a command line; see scripts/prisma-exit-when-done.cjs for the preload. */
export function prismaCommand(args: string[]): [string, string[]] {
  const preload = path.join(root, "scripts", "prisma-exit-when-done.cjs");
  return [process.execPath, ["--require", preload, path.join(root, "node_modules", "prisma", "build", "index.js"), ...args]];
}

export type TProvider = "sqlite" | "postgresql";

export const providers: Record<TProvider, { schema: string; migrations: string }> = {
  sqlite: { schema: path.join(root, "prisma", "schema.prisma"), migrations: path.join(root, "prisma", "migrations") },
  postgresql: { schema: path.join(root, "prisma", "postgresql", "schema.prisma"), migrations: path.join(root, "prisma", "postgresql", "migrations") },
};

/** Runs the Prisma CLI against `url`; its output, or an error carrying all of it. */
export function prismaCli(args: string[], url: string): string {
  const [command, commandArgs] = prismaCommand(args);
  const result = spawnSync(command, commandArgs, { cwd: root, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`prisma ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

export function deployMigrations(url: string): void {
  prismaCli(["migrate", "deploy"], url);
}

/** The datamodel of the database at `url` (generator and datasource blocks included). */
export function readDatabaseSchema(url: string): string {
  const printed = prismaCli(["db", "pull", "--print"], url);
  // Warnings about the datasource url come first on stdout.
  return printed.slice(printed.indexOf("generator client"));
}

/**
 * The SQL that takes the `from` datamodel to the `to` one; "" when they match. Diffing two
 * datamodels needs no database, but the config's adapter is opened anyway: give it a scratch
 * SQLite file (the schemas' own providers decide the SQL).
 */
export function diffSchemas(from: string, to: string, scratchSqliteUrl: string): string {
  const sql = prismaCli(["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"], scratchSqliteUrl);
  return /^-- This is an empty migration/m.test(sql) || !sql.trim() ? "" : sql;
}

/** A temporary folder for scratch schemas and SQLite files, removed afterwards. */
export function withScratch<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ssg-migrate-"));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What the provider's schema has that its migrations do not make (as SQL), or "" when they
 * agree. `emptyDatabaseUrl` must be an empty database of that provider: the migrations are
 * applied to it.
 */
export function migrationDrift(provider: TProvider, emptyDatabaseUrl: string): string {
  return withScratch((dir) => {
    deployMigrations(emptyDatabaseUrl);
    const made = path.join(dir, "made.prisma");
    writeFileSync(made, readDatabaseSchema(emptyDatabaseUrl));
    return diffSchemas(made, providers[provider].schema, `file:${path.join(dir, "diff.db")}`);
  });
}
