// An app of a spec's own, started through `npm start`'s path (scripts/start.ts; the build the
// main e2e server made is reused) on its own port and throwaway database, for what needs other
// settings than the shared e2e server or a process to stop.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export type TAppProcess = { url: string; databaseFile: string; child: ChildProcess };

export async function startAppProcess(port: number, settings: Record<string, string>): Promise<TAppProcess> {
  const databaseFile = path.join(root, "data", `e2e-own-${port}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databaseFile}${suffix}`, { force: true });
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", path.join(root, "scripts", "node-hooks.mjs"), path.join(root, "scripts", "start.ts")], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      SKIP_BUILD: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      APP_URL: url,
      DATABASE_URL: `file:${databaseFile}`,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
      ADMIN_EMAIL: "e2e-admin@example.com",
      ADMIN_PASSWORD: "e2e-password-1234",
      WHATSAPP_ACCESS_TOKEN: "",
      LOG_LEVEL: "warn",
      ...settings,
    },
  });
  for (let waited = 0; ; waited += 200) {
    if (child.exitCode !== null) throw new Error(`the app on port ${port} exited with ${child.exitCode}`);
    if (await fetch(`${url}/login`).then((response) => response.ok, () => false)) return { url, databaseFile, child };
    if (waited > 90_000) throw new Error(`the app on port ${port} did not start within 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Sends SIGTERM, as a process manager stops the app; resolves with its exit code. */
export function stopAppProcess(app: TAppProcess): Promise<number | null> {
  if (app.child.exitCode !== null) return Promise.resolve(app.child.exitCode);
  return new Promise((resolve) => {
    app.child.once("exit", (code) => resolve(code));
    app.child.kill("SIGTERM");
  });
}
