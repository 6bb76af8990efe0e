// The environment every command of this app runs with: .env loaded, the embedded database by
// default, and a NEXTAUTH_SECRET generated once and kept beside the database. The web server and
// the worker must agree on that secret: the accept links and the sandbox's keys derive from it.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export function loadEnvironment() {
  if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
  process.env.DATABASE_URL ||= "file:./data/ssg.db";
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  mkdirSync(path.join(root, "data"), { recursive: true });
  if (!process.env.NEXTAUTH_SECRET) {
    // Generated once and kept beside the database, so sessions survive restarts.
    const file = path.join(root, "data", ".nextauth-secret");
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
  }
  const port = process.env.PORT || "3000";
  process.env.NEXTAUTH_URL ||= process.env.APP_URL || `http://localhost:${port}`;
}
