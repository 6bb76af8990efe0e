// Pages, actions, route handlers and components reach the database only through lib/ (queries
// and commands), never through the Prisma client itself: the reads stay testable without a
// browser and the rules stay in one place. Tests are left out (they set up rows directly).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Imports of the shared client or the generated Prisma client. */
const PRISMA_IMPORT = /from\s*["'](@\/lib\/db|@\/lib\/generated\/[^"']*|@prisma\/client)["']/;

export function filesImportingPrisma(files: string[]): string[] {
  return files.filter((file) => PRISMA_IMPORT.test(readFileSync(file, "utf8"))).map((file) => path.relative(root, file));
}

describe("pages and components read through lib/", () => {
  it("recognises an import of the client", () => {
    expect(PRISMA_IMPORT.test(`import { db } from "@/lib/db";`)).toBe(true);
    expect(PRISMA_IMPORT.test(`import { Prisma } from "@/lib/generated/prisma/client";`)).toBe(true);
    expect(PRISMA_IMPORT.test(`import { dbReady } from "@/lib/db-serial";`)).toBe(false);
  });

  it("has no page, action, route or component that imports the Prisma client", () => {
    expect(filesImportingPrisma([...sources(path.join(root, "app")), ...sources(path.join(root, "components"))])).toEqual([]);
  });
});
