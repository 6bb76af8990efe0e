import path from "node:path";
import { defineConfig } from "vitest/config";

// A run is on PostgreSQL when TEST_DATABASE_URL names a server, else on SQLite files. Tests of one
// database's own machinery are named for it (`x.sqlite.test.ts`, `x.postgresql.test.ts`) and left
// out of the other run, so neither run reports skipped tests.
const otherDatabase = process.env.TEST_DATABASE_URL ? "sqlite" : "postgresql";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run server modules directly, as Next's server does: its empty module, not the throwing one.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", "lib/generated/**", `**/*.${otherDatabase}.test.ts`],
    // Migrates one template database; each test file then gets its own copy (test/setup-db.ts).
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-db.ts"],
    testTimeout: 20_000,
  },
});
