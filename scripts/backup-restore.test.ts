// A restore tested in CI: `npm run backup` and `npm run restore` as a person runs them, on the
// suite's database (a SQLite file, or PostgreSQL when the suite runs there): back up a database
// with data, change it, restore, and find the data as it was.
import { afterAll, beforeAll, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createClient, dialect, type TDb } from "@/lib/db";

const root = path.resolve(import.meta.dirname, "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "ssg-backup-"));
let client: TDb;

beforeAll(() => {
  client = createClient();
});

afterAll(async () => {
  await client.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

function script(name: "backup" | "restore", ...args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", path.join(root, "scripts", "node-hooks.mjs"), path.join(root, "scripts", `${name}.ts`), ...args], { cwd: root, env: process.env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

const customerNamed = (name: string) => client.customer.findFirst({ where: { name } });

it(`backs up the ${dialect} database, and a restore brings back the data as it was`, { timeout: 120_000 }, async () => {
  const kept = await client.customer.create({ data: { id: randomUUID(), name: "Kept Customer", email: "kept@example.com", contactPreference: "email" } });
  const file = path.join(dir, dialect === "sqlite" ? "backup.db" : "backup.dump");

  const backup = await script("backup", file);
  expect(backup.output).toContain("Backed up");
  expect(backup.code).toBe(0);
  // A second backup never overwrites a file.
  expect((await script("backup", file)).code).toBe(1);

  // After the backup: one customer renamed, one added.
  await client.customer.update({ where: { id: kept.id }, data: { name: "Renamed Customer" } });
  await client.customer.create({ data: { id: randomUUID(), name: "Later Customer", email: "later@example.com", contactPreference: "email" } });

  // This test's own connection is open: the database may be in use, so no restore without --force.
  const refused = await script("restore", file);
  expect(refused.code).toBe(1);
  expect(refused.output).toMatch(/may be in use.*--force/);
  expect(await customerNamed("Renamed Customer")).not.toBeNull();

  await client.$disconnect();
  const restored = await script("restore", file, "--force");
  expect(restored.output).toContain("Restored");
  expect(restored.code).toBe(0);

  client = createClient();
  expect(await customerNamed("Kept Customer")).toMatchObject({ id: kept.id, email: "kept@example.com" });
  expect(await customerNamed("Renamed Customer")).toBeNull();
  expect(await customerNamed("Later Customer")).toBeNull();
  // The rest of the database came back too: the migrations table the app checks on start.
  expect(Number((await client.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS "n" FROM "_prisma_migrations"`)[0]!.n)).toBeGreaterThan(0);
});

it("checks the file before touching the database", { timeout: 60_000 }, async () => {
  const before = await client.customer.count();
  const junk = path.join(dir, "junk.db");
  writeFileSync(junk, "not a backup at all ".repeat(100));
  const refused = await script("restore", junk, "--force");
  expect(refused.code).toBe(1);
  expect(refused.output).toMatch(/Not restored: .*(not a SQLite database|not a pg_dump archive)/);
  expect((await script("restore", path.join(dir, "missing.db"), "--force")).output).toContain("does not exist");
  expect(await client.customer.count()).toBe(before);
});
