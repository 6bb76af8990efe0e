import path from "node:path";
import { defineConfig } from "prisma/config";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

// The schema's datasource reads DATABASE_URL; without it `prisma generate` tries to download a
// query engine, so the embedded default is filled in here too (scripts/start.ts uses the same).
process.env.DATABASE_URL ??= "file:./data/ssg.db";
const url = process.env.DATABASE_URL;
const postgresql = /^postgres(ql)?:/.test(url);

// One schema source (prisma/schema.prisma, SQLite) and a copy derived from it for PostgreSQL
// (scripts/postgresql-schema.ts), each with its own migrations folder beside it. DATABASE_URL
// picks which (see README, "PostgreSQL").
const folder = postgresql ? path.join("prisma", "postgresql") : "prisma";

/**
 * node-postgres through @prisma/adapter-pg 7.x (its 6.19 release breaks every migrate command,
 * prisma/orm#27403); the factory has the interface the 6.19 CLI calls but names 7.x's types.
 * Its pool reports PostgreSQL's one-byte "char" (catalog columns the schema engine reads when it
 * describes a database: `db pull`, the migration checks) as an unsupported type, so such columns
 * are handed over as the text they already are.
 */
async function postgresAdapter(): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const [{ PrismaPg }, { default: pg }] = await Promise.all([import("@prisma/adapter-pg"), import("pg")]);
  const CHAR_OID = 18;
  const TEXT_OID = 25;
  class CatalogReadablePool extends pg.Pool {
    // @ts-expect-error -- only the promise form with a query config is used by the adapter.
    override async query(config: pg.QueryConfig) {
      const result = await super.query(config);
      for (const field of result.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
      return result;
    }
  }
  // The CLI never closes the pool: without allowExitOnIdle each command waits out the idle timeout (10 s).
  const pool = new CatalogReadablePool({ connectionString: url, allowExitOnIdle: true });
  return new PrismaPg(pool) as unknown as SqlMigrationAwareDriverAdapterFactory;
}

// Prisma's native schema engine cannot be downloaded on every machine this runs on, so the CLI
// uses the WASM engine through the same driver adapters the app uses.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  async adapter() {
    if (postgresql) return postgresAdapter();
    const { PrismaLibSQL } = await import("@prisma/adapter-libsql");
    return new PrismaLibSQL({ url });
  },
});
