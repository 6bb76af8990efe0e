// `npm run worker`'s script as a child process, for the crash test and the dispatch benchmark.
// `ready` resolves once the worker says it started (it logs at info level to stdout).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** `quiet` drops the worker's warnings (the crash test causes hundreds on purpose). */
export function startWorkerProcess(env: NodeJS.ProcessEnv, options: { quiet?: boolean } = {}): { child: ChildProcess; ready: Promise<void>; exited: Promise<unknown> } {
  // BENCH_CPU_PROF=<dir>: the worker writes a V8 CPU profile there when it exits, as the bench server does.
  const profile = env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", path.join(root, "scripts", "node-hooks.mjs"), path.join(root, "scripts", "worker.ts")], {
    cwd: root,
    env: { ...env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", options.quiet ? "ignore" : "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // A spawn that fails (or a signal to a child already gone) is reported here, not thrown.
  child.on("error", (error) => console.error("worker process:", error.message));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("outbox worker started")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the worker exited early with code ${code}`)));
  });
  // A worker killed after it started rejects `ready` too; nobody is waiting for it then.
  ready.catch(() => undefined);
  return { child, ready, exited };
}
