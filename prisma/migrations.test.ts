// Each provider's migrations make exactly its schema, and the PostgreSQL schema is the one derived
// from prisma/schema.prisma: a schema change without its migration (or a hand-edited migration
// that drifted) fails here, on SQLite in every run and on PostgreSQL in the PostgreSQL run.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrationDrift, withScratch } from "@/scripts/migration-tools";
import { postgresqlSchemaStatus } from "@/scripts/postgresql-schema";
import { databaseUrl, onServer } from "@/test/postgres-databases";

const postgresServer = process.env.TEST_DATABASE_URL;
const noPostgresServer = !postgresServer;

describe("migrations", () => {
  it("prisma/postgresql/schema.prisma is derived from prisma/schema.prisma (npm run db:postgresql-schema)", () => {
    expect(postgresqlSchemaStatus().upToDate).toBe(true);
  });

  it("prisma/migrations make prisma/schema.prisma", { timeout: 120_000 }, () => {
    const drift = withScratch((dir) => migrationDrift("sqlite", `file:${path.join(dir, "empty.db")}`));
    expect(drift, "run `npm run db:new-migration -- <name>`").toBe("");
  });

  it.skipIf(noPostgresServer)("prisma/postgresql/migrations make prisma/postgresql/schema.prisma", { timeout: 120_000 }, async () => {
    const name = `ssg_drift_${randomUUID().replace(/-/g, "")}`;
    await onServer(postgresServer!, [`CREATE DATABASE "${name}"`]);
    try {
      expect(migrationDrift("postgresql", databaseUrl(postgresServer!, name)), "run `npm run db:new-migration -- <name>`").toBe("");
    } finally {
      await onServer(postgresServer!, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
    }
  });
});
