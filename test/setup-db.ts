// Each test file runs on its own copy of the migrated template database (a real SQLite file, or a
// real PostgreSQL database when the run has TEST_DATABASE_URL), set before any module reads
// DATABASE_URL.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { databaseUrl, onServer } from "./postgres-databases";

const testDatabase = inject("testDatabase");
if (testDatabase.dialect === "postgresql") {
  const name = `${testDatabase.prefix}_${randomUUID().replace(/-/g, "")}`;
  await onServer(testDatabase.server, [`CREATE DATABASE "${name}" TEMPLATE "${testDatabase.template}"`]);
  process.env.DATABASE_URL = databaseUrl(testDatabase.server, name);
} else {
  const file = path.join(path.dirname(testDatabase.template), `${randomUUID()}.db`);
  copyFileSync(testDatabase.template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.LOG_LEVEL ??= "silent";
process.env.NEXTAUTH_SECRET ??= "test-secret-for-vitest-only";
process.env.QUOTE_RATE_LIMIT ??= "5";
