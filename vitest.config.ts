import path from "node:path";
import { defineConfig } from "vitest/config";

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
    exclude: ["node_modules/**", ".next/**", "e2e/**", "lib/generated/**"],
    // Migrates one template database; each test file then gets its own copy (test/setup-db.ts).
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-db.ts"],
    testTimeout: 20_000,
  },
});
