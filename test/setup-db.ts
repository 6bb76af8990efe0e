// Each test file runs on its own copy of the migrated template database (a real SQLite file),
// set before any module reads DATABASE_URL.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";

const template = inject("templateDatabase");
const file = path.join(path.dirname(template), `${randomUUID()}.db`);
copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.LOG_LEVEL ??= "silent";
process.env.NEXTAUTH_SECRET ??= "test-secret-for-vitest-only";
process.env.QUOTE_RATE_LIMIT ??= "5";
