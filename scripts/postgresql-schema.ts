// Derives prisma/postgresql/schema.prisma from prisma/schema.prisma, the one schema source.
// `npm run db:postgresql-schema` writes it; `npm run db:new-migration` runs it first, and
// prisma/migrations.test.ts fails when the checked-in copy is stale.
//
// What differs on PostgreSQL:
// - the provider, and the generated client's folder (lib/generated/prisma-pg), so one build
//   carries both clients and lib/db.ts picks one at run time;
// - every model with a "searchText" column gets a trigram GIN index on it: the lists search it
//   with LIKE '%…%', which no B-tree serves (SQLite scans, fast enough for a file; PostgreSQL at
//   100,000 rows needs the index). The pg_trgm extension is created by the baseline migration.
// DateTime keeps Prisma's default `timestamp(3)` (UTC by convention; lib/db.ts pins the session
// time zone to UTC so SQL defaults agree), Int/BigInt/Boolean/String map one to one, and the
// schema has no Json or native types.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
export const sourceSchemaPath = path.join(root, "prisma", "schema.prisma");
export const postgresqlSchemaPath = path.join(root, "prisma", "postgresql", "schema.prisma");

const HEADER = "// Generated from prisma/schema.prisma by scripts/postgresql-schema.ts: edit that file, not this one.\n";

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: cannot find ${what}`);
  return text.replace(pattern, replacement);
}

/** Adds the trigram index to each model that has a searchText column. */
function addSearchIndexes(schema: string): string {
  return schema.replace(/^model (\w+) \{\n([\s\S]*?)^\}/gm, (model, name: string, body: string) => {
    if (!/^\s+searchText\s+String\b/m.test(body)) return model;
    const index = `  /// PostgreSQL only: serves the list search's LIKE '%…%' (pg_trgm).\n  @@index([searchText(ops: raw("gin_trgm_ops"))], type: Gin, map: "${name}_searchText_trgm_idx")\n`;
    return `model ${name} {\n${body}${index}}`;
  });
}

export function derivePostgresqlSchema(source: string): string {
  let schema = replaceOnce(source, /(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'the datasource\'s provider = "sqlite"');
  schema = replaceOnce(schema, /(generator client \{[^}]*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-pg"', 'the generator\'s output "../lib/generated/prisma"');
  return HEADER + addSearchIndexes(schema);
}

/** The derived schema as it should be now, and whether the checked-in file matches it. */
export function postgresqlSchemaStatus(): { expected: string; upToDate: boolean } {
  const expected = derivePostgresqlSchema(readFileSync(sourceSchemaPath, "utf8"));
  let current = "";
  try {
    current = readFileSync(postgresqlSchemaPath, "utf8");
  } catch {
    // Missing counts as stale.
  }
  return { expected, upToDate: current === expected };
}

export function writePostgresqlSchema(): boolean {
  const { expected, upToDate } = postgresqlSchemaStatus();
  if (!upToDate) writeFileSync(postgresqlSchemaPath, expected);
  return !upToDate;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  console.log(writePostgresqlSchema() ? `Wrote ${path.relative(root, postgresqlSchemaPath)}` : `${path.relative(root, postgresqlSchemaPath)} is up to date.`);
}
