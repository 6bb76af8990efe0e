// Builds a template database from the checked-in migrations, once per test run: a SQLite file, or
// a PostgreSQL database when TEST_DATABASE_URL names a server (`npm test` runs both).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { prismaCommand } from "../scripts/migration-tools";
import { databaseUrl, dropRunDatabases, onServer, runPrefix } from "./postgres-databases";

export type TTestDatabase = { dialect: "sqlite"; template: string } | { dialect: "postgresql"; server: string; prefix: string; template: string };

function migrate(url: string) {
  const [command, args] = prismaCommand(["migrate", "deploy"]);
  const result = spawnSync(command, args, { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`migrating the test template failed:\n${result.stdout}${result.stderr}`);
}

export default async function setup(project: TestProject) {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const prefix = runPrefix(process.pid);
    const template = `${prefix}_template`;
    await dropRunDatabases(server, prefix);
    await onServer(server, [`CREATE DATABASE "${template}"`]);
    try {
      migrate(databaseUrl(server, template));
    } catch (error) {
      // Vitest runs no teardown when the setup fails: leave nothing behind on the server.
      await dropRunDatabases(server, prefix);
      throw error;
    }
    project.provide("testDatabase", { dialect: "postgresql", server, prefix, template });
    return () => dropRunDatabases(server, prefix);
  }
  const dir = path.join(os.tmpdir(), `ssg-test-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const template = path.join(dir, "template.db");
  migrate(`file:${template}`);
  project.provide("testDatabase", { dialect: "sqlite", template });
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TTestDatabase;
  }
}
