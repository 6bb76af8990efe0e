// PostgreSQL's migrations make exactly its schema (prisma/postgresql/schema.prisma), checked on the
// run's own server: a schema change without its migration, or a hand-edited migration that drifted,
// fails here. The SQLite half and the derived schema's freshness are in ./migrations.test.ts.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { migrationDrift } from "@/scripts/migration-tools";
import { databaseUrl, onServer } from "@/test/postgres-databases";

const server = process.env.TEST_DATABASE_URL!;

it("prisma/postgresql/migrations make prisma/postgresql/schema.prisma", { timeout: 120_000 }, async () => {
  const name = `ssg_drift_${randomUUID().replace(/-/g, "")}`;
  await onServer(server, [`CREATE DATABASE "${name}"`]);
  try {
    expect(migrationDrift("postgresql", databaseUrl(server, name)), "run `npm run db:new-migration -- <name>`").toBe("");
  } finally {
    await onServer(server, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
  }
});
