// `postinstall`: generates the Prisma client for each provider, so one build runs on SQLite or
// PostgreSQL and lib/db.ts picks one from DATABASE_URL at run time. `prisma generate` refuses a
// DATABASE_URL of the other provider (it then tries to download a query engine), so each run
// gets a placeholder of its own kind; generate never connects.
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const prisma = path.join(root, "node_modules", ".bin", "prisma");

const clients = [
  { schema: "prisma/schema.prisma", url: "file:./data/generate.db" },
  { schema: "prisma/postgresql/schema.prisma", url: "postgresql://localhost/generate" },
];

for (const { schema, url } of clients) {
  execFileSync(prisma, ["generate", "--schema", schema], { cwd: root, stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
}
