// The app's own database client for a bench process, on the bench server's database (SQLite or
// PostgreSQL alike). lib/env reads DATABASE_URL when first imported, hence the late import; a
// bench process talks to one database.
export async function openBenchDatabase(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  const { db, prepareDatabase } = await import("../../lib/db.ts");
  await prepareDatabase();
  return db;
}
