// `npm run restore -- <file> [--force]`: puts a backup made by `npm run backup` in place of the
// database. The file is checked first (a backup of this app, readable, not from a newer version).
// It refuses while the database may be in use (stop the web servers and workers first) unless
// --force is given. SQLite: the backup replaces the file and the replaced one is kept beside it.
// PostgreSQL: pg_restore --clean --if-exists in one transaction, so a failure changes nothing.
// Either way the app applies newer migrations when it starts (npm start, or npm run db:migrate).
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { loadEnvironment } from "./environment";
import { checkBackupFile, knownSqliteMigrations, pgTool, run, sqliteCompanions, targetOf, timestamp, whyInUse } from "./backup-tools";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const force = args.includes("--force");
const files = args.filter((arg) => arg !== "--force");
if (files.length !== 1) {
  console.error("Usage: npm run restore -- <backup file> [--force]");
  process.exit(2);
}
const file = path.resolve(files[0]!);

loadEnvironment();
const target = targetOf(process.env.DATABASE_URL);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

try {
  await checkBackupFile(file, target.kind, target.kind === "sqlite" ? knownSqliteMigrations(root) : []);
} catch (error) {
  fail(`Not restored: ${(error as Error).message}`);
}
const inUse = whyInUse(target);
if (inUse && !force) fail(`Not restored: the database may be in use (${inUse}). Stop the web servers and workers, or run again with --force.`);

if (target.kind === "sqlite") {
  // Copied next to the target first, then renamed over it: the database file is never half written.
  const incoming = `${target.file}.restoring`;
  copyFileSync(file, incoming);
  let kept: string | null = null;
  if (existsSync(target.file)) {
    kept = `${target.file}.before-restore-${timestamp()}`;
    renameSync(target.file, kept);
    // The replaced file's unwritten log goes with it; a stale log must never meet the restored file.
    const [wal, shm] = sqliteCompanions(target.file);
    if (existsSync(wal!)) renameSync(wal!, `${kept}-wal`);
    rmSync(shm!, { force: true });
  }
  renameSync(incoming, target.file);
  console.log(`Restored ${file} into ${target.file}.${kept ? ` The replaced database is kept as ${kept}.` : ""}`);
} else {
  try {
    run(pgTool("pg_restore"), ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "--dbname", target.url, file]);
  } catch (error) {
    fail(`Not restored (nothing changed): ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`);
  }
  console.log(`Restored ${file} into the PostgreSQL database ${new URL(target.url).pathname.slice(1)}.`);
}
if (inUse) console.log("Restart the web servers and workers now: they still hold the database as it was.");
console.log("The app applies any newer migrations when it starts (npm start), or run npm run db:migrate.");
