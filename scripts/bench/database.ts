// The app's own database client for a bench process, on the bench server's database (SQLite or
// PostgreSQL alike). lib/env reads DATABASE_URL when first imported, so a bench imports lib/
// modules only after benchEnvironment() has pointed it at its database.
export async function openBenchDatabase(databaseUrl: string) {
  const { env } = await import("../../lib/env.ts");
  if (env.DATABASE_URL !== databaseUrl) throw new Error(`lib/env was imported before the bench chose its database (${env.DATABASE_URL})`);
  const { db, prepareDatabase } = await import("../../lib/db.ts");
  await prepareDatabase();
  return db;
}
