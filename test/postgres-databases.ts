// Throwaway PostgreSQL databases for the tests, on the server TEST_DATABASE_URL names: one
// template migrated per run, and a copy of it per test file (CREATE DATABASE … TEMPLATE copies
// files, far faster than migrating each time).
import pg from "pg";

/** The URL of database `name` on the same server as `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run inside the one they name). */
export async function onServer(serverUrl: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The test databases of one run all start with this, so the run's teardown can find them all. */
export const runPrefix = (pid: number) => `ssg_test_${pid}`;

/** Drops every database of the run (WITH (FORCE): a test file may have left a connection open). */
export async function dropRunDatabases(serverUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
