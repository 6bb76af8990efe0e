import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

// The schema's datasource reads DATABASE_URL; without it `prisma generate` tries to download a
// query engine, so the embedded default is filled in here too (scripts/start.ts uses the same).
process.env.DATABASE_URL ??= "file:./data/ssg.db";

// Prisma's native schema engine cannot be downloaded on every machine this runs on, so the CLI
// uses the WASM engine through the same driver adapter the app uses.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    return new PrismaLibSQL({ url: process.env.DATABASE_URL! });
  },
});
