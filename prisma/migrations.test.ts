// SQLite's migrations make exactly prisma/schema.prisma, and the PostgreSQL schema is the one
// derived from it: a schema change without its migration (or a hand-edited migration that drifted)
// fails here, in both runs. PostgreSQL's own migrations: ./migrations.postgresql.test.ts.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrationDrift, withScratch } from "@/scripts/migration-tools";
import { postgresqlSchemaStatus } from "@/scripts/postgresql-schema";

describe("migrations", () => {
  it("prisma/postgresql/schema.prisma is derived from prisma/schema.prisma (npm run db:postgresql-schema)", () => {
    expect(postgresqlSchemaStatus().upToDate).toBe(true);
  });

  it("prisma/migrations make prisma/schema.prisma", { timeout: 120_000 }, () => {
    const drift = withScratch((dir) => migrationDrift("sqlite", `file:${path.join(dir, "empty.db")}`));
    expect(drift, "run `npm run db:new-migration -- <name>`").toBe("");
  });
});
