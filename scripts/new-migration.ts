// `npm run db:new-migration -- <name>`: after a change to prisma/schema.prisma, writes the SQL that
// takes the checked-in migrations to it, for each provider, into
// prisma/migrations/<timestamp>_<name>/ (SQLite) and prisma/postgresql/migrations/<same>/
// (PostgreSQL); regenerates the derived PostgreSQL schema and both clients; applies the new
// migration to DATABASE_URL.
//
// No PostgreSQL server is needed: the SQLite migrations are applied to a scratch file and read
// back, and the PostgreSQL schema derived from that is where its migrations stand too (the test
// prisma/migrations.postgresql.test.ts checks on a real server that each folder makes exactly its schema).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deployMigrations, diffSchemas, prismaCommand, providers, readDatabaseSchema, root, withScratch, type TProvider } from "./migration-tools";
import { derivePostgresqlSchema, writePostgresqlSchema } from "./postgresql-schema";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>");
  process.exit(1);
}

writePostgresqlSchema();

const changes = withScratch((dir): Record<TProvider, string> => {
  const scratchUrl = `file:${path.join(dir, "current.db")}`;
  deployMigrations(scratchUrl);
  const currentSqlite = path.join(dir, "current.prisma");
  writeFileSync(currentSqlite, readDatabaseSchema(scratchUrl));
  const currentPostgresql = path.join(dir, "current-postgresql.prisma");
  writeFileSync(currentPostgresql, derivePostgresqlSchema(readFileSync(currentSqlite, "utf8")));
  return {
    sqlite: diffSchemas(currentSqlite, providers.sqlite.schema, scratchUrl),
    postgresql: diffSchemas(currentPostgresql, providers.postgresql.schema, scratchUrl),
  };
});

if (!changes.sqlite && !changes.postgresql) {
  console.log("The schema matches the migrations; nothing to write.");
  process.exit(0);
}
const folder = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
for (const provider of ["sqlite", "postgresql"] as const) {
  if (!changes[provider]) continue;
  const dir = path.join(providers[provider].migrations, folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), changes[provider]);
  console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
}
execFileSync(process.execPath, ["--import", path.join(root, "scripts", "node-hooks.mjs"), path.join(root, "scripts", "generate-clients.ts")], { cwd: root, stdio: "inherit" });
// prisma.config.ts falls back to the embedded default when DATABASE_URL is unset.
execFileSync(...prismaCommand(["migrate", "deploy"]), { cwd: root, stdio: "inherit" });
