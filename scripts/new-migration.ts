// `npm run db:new-migration -- <name>`: writes the SQL that takes the checked-in migrations to the
// current schema into prisma/migrations/<timestamp>_<name>/ and applies it. (`prisma migrate dev`
// needs Prisma's native engine, which this set-up avoids; `--from-migrations` needs a shadow
// database and `--from-url` is refused with a driver adapter, so the checked-in migrations are
// applied to a throwaway file, its schema is read back with `db pull`, and the diff starts there.)
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>");
  process.exit(1);
}
const root = path.resolve(import.meta.dirname, "..");
const prisma = path.join(root, "node_modules", ".bin", "prisma");
const scratch = mkdtempSync(path.join(os.tmpdir(), "ssg-migrate-"));
const scratchUrl = `file:${path.join(scratch, "current.db")}`;
let sql: string;
try {
  const scratchEnv = { ...process.env, DATABASE_URL: scratchUrl };
  execFileSync(prisma, ["migrate", "deploy"], { cwd: root, env: scratchEnv, stdio: "ignore" });
  const current = execFileSync(prisma, ["db", "pull", "--print"], { cwd: root, env: scratchEnv, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const currentSchema = path.join(scratch, "current.prisma");
  writeFileSync(currentSchema, current.slice(current.indexOf("generator client")));
  sql = execFileSync(
    prisma,
    ["migrate", "diff", "--from-schema-datamodel", currentSchema, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    // The config's adapter opens DATABASE_URL even for a diff that needs no database: the scratch file always exists.
    { cwd: root, env: scratchEnv, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
  console.log("The schema matches the migrations; nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, "prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
execFileSync(prisma, ["migrate", "deploy"], { cwd: root, stdio: "inherit" });
