// A throwaway app for benchmarks: its own database, migrated and seeded, served by the same
// server as `npm start` (scripts/server.ts) from the current build (built first when missing).
// The database is a SQLite file by default; given a `postgresql://` DATABASE_URL, it is a fresh
// database `ssg_bench_<port>` on that server instead (dropped and created on every run).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

export const BENCH_ADMIN = { email: "bench@example.com", password: "bench-password-1234" };

export type TBenchServer = { url: string; databaseUrl: string; env: NodeJS.ProcessEnv; child: ChildProcess; rssMb(): number; stop(): Promise<void> };

/** A fresh, empty database for a bench on `port`, of the kind DATABASE_URL names. */
export function freshBenchDatabase(port: number, base = process.env.DATABASE_URL): string {
  if (base && /^postgres(ql)?:/.test(base)) {
    const name = `ssg_bench_${port}`;
    // psql (libpq) refuses Prisma's query parameters such as ?schema=.
    const server = new URL(base);
    server.search = "";
    const result = spawnSync("psql", [server.href, "-q", "-v", "ON_ERROR_STOP=1", "-c", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, "-c", `CREATE DATABASE ${name}`], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (result.status !== 0) throw new Error(`could not create the bench database ${name} on ${server.host}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    return url.href;
  }
  const file = path.join(os.tmpdir(), `ssg-bench-${port}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  return `file:${file}`;
}

/**
 * The bench server's environment, on a fresh database. The bench process itself is pointed at
 * the same database (process.env.DATABASE_URL), so lib/ modules it imports afterwards use it.
 */
export function benchEnvironment(port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const databaseUrl = freshBenchDatabase(port);
  process.env.DATABASE_URL = databaseUrl;
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: "bench-only-secret",
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    LOG_LEVEL: "error",
    WHATSAPP_ACCESS_TOKEN: "",
    ...extra,
  };
}

/** Migrates and seeds the database named in env, then runs `fill` (bulk data) before serving. */
export async function startBenchServer(env: NodeJS.ProcessEnv, fill?: () => Promise<void>): Promise<TBenchServer> {
  const run = (command: string, args: string[]) => {
    const result = spawnSync(command, args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} failed`);
  };
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) run(bin("next"), ["build"]);
  run(bin("prisma"), ["migrate", "deploy"]);
  run(process.execPath, ["--import", path.join(root, "scripts", "node-hooks.mjs"), path.join(root, "prisma", "seed.ts")]);
  if (fill) await fill();

  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it exits (open it in
  // Chrome's DevTools or speedscope) — how the causes in the README's "Speed" section were found.
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(root, "scripts", "server.cjs")], { cwd: root, env: { ...env, HOSTNAME: "127.0.0.1" }, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${env.PORT}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${url}/login`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 300) throw new Error("the app did not start within 30 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    databaseUrl: env.DATABASE_URL!,
    env,
    child,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Signs in through next-auth's credentials endpoint and returns the session cookie header. */
export async function signIn(url: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({ csrfToken, email: BENCH_ADMIN.email, password: BENCH_ADMIN.password, json: "true" }),
  });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).find((cookie) => cookie?.includes("session-token"));
  if (!session) throw new Error("sign-in failed");
  return session;
}
