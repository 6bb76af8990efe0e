// Every benchmark's figures beside the floor's: the same server, in the same run, answering its
// cheapest route (`GET /api/health`: no database, no session) at the same open-loop rate. The
// absolute numbers move with whatever else this machine is doing; the ratio to the floor measured
// minutes apart on the same server is what a change can be judged by.
//
//   const floor = await measureFloor(server, { rate, seconds });
//   const webhooks = await measurePhase(server, { label: "signed webhooks", rate, seconds, next });
//   printBesideFloor(server, floor, [webhooks]);
//
// Server CPU is read from /proc/<pid>/stat (user + system time of the server process, its
// children, and any `pids` given, e.g. a worker) over the phase, so it counts work the request
// caused outside its own latency too (a `settle` step waits for background work to finish).
import { readdirSync, readFileSync } from "node:fs";
import { openLoop, percentile, type TRequestSpec, type TResult } from "./open-loop.ts";

export const FLOOR_PATH = "/api/health";

/** What a bench needs from its server: where it listens, its process, its memory. */
export type TMeasuredServer = { url: string; child: { pid?: number }; rssMb(): number };

export type TPhase = {
  label: string;
  requests: number;
  ok: number;
  /** 2xx answers per second over the phase (first due time to last answer). */
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Server CPU (user + system) over the phase and its settle step, per request sent. */
  cpuMsPerRequest: number;
  results: TResult[];
};

const TICK_MS = 1000 / 100; // USER_HZ: 100 on Linux (getconf CLK_TCK)

function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return 0; // the process has exited
  }
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) found.push(Number(entry), ...childrenOf(Number(entry)));
    } catch {
      // gone while we looked
    }
  }
  return found;
}

/** CPU time in ms used so far by these processes and their descendants. */
export function cpuMsOf(pids: number[]): number {
  const all = new Set(pids.flatMap((pid) => [pid, ...childrenOf(pid)]));
  let ticks = 0;
  for (const pid of all) ticks += ticksOf(pid);
  return ticks * TICK_MS;
}

function pidsOf(server: TMeasuredServer, extra: number[] = []): number[] {
  if (!server.child.pid) throw new Error("the bench server has no process id");
  return [server.child.pid, ...extra];
}

/** Runs one open-loop phase against the server and measures its latencies and CPU cost. */
export async function measurePhase(
  server: TMeasuredServer,
  options: {
    label: string;
    rate: number;
    seconds: number;
    next: (index: number) => TRequestSpec;
    keepBody?: boolean;
    /** Awaited before the CPU reading ends: waits for work the requests left behind. */
    settle?: () => Promise<void>;
    /** Further processes whose CPU counts (a worker the requests hand work to). */
    pids?: number[];
  },
): Promise<TPhase> {
  const pids = pidsOf(server, options.pids);
  const cpuBefore = cpuMsOf(pids);
  const results = await openLoop({ baseUrl: server.url, rate: options.rate, seconds: options.seconds, next: options.next, keepBody: options.keepBody });
  if (options.settle) await options.settle();
  const cpuMs = cpuMsOf(pids) - cpuBefore;

  const latencies = results.map((result) => result.latencyMs).sort((a, b) => a - b);
  const ok = results.filter((result) => result.status >= 200 && result.status < 300).length;
  let first = Infinity;
  let last = -Infinity;
  for (const result of results) {
    first = Math.min(first, result.due);
    last = Math.max(last, result.due + result.latencyMs);
  }
  return {
    label: options.label,
    requests: results.length,
    ok,
    rate: results.length > 1 ? ok / ((last - first) / 1000) : ok,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    cpuMsPerRequest: cpuMs / Math.max(1, results.length),
    results,
  };
}

/**
 * The floor at this rate: `GET /api/health` on the same server, after a warm-up long enough for
 * V8 to optimise the request path (the first few hundred requests cost several times more).
 */
export async function measureFloor(server: TMeasuredServer, options: { rate: number; seconds: number }): Promise<TPhase> {
  const next = () => ({ method: "GET", path: FLOOR_PATH });
  await openLoop({ baseUrl: server.url, rate: Math.min(options.rate, 200), seconds: 2, next });
  return measurePhase(server, { label: `floor: GET ${FLOOR_PATH}`, ...options, next });
}

/** CPU ms per second the server (and `pids`) use while nothing is asked of them. */
export async function measureIdleCpu(server: TMeasuredServer, seconds: number, pids: number[] = []): Promise<number> {
  const all = pidsOf(server, pids);
  const before = cpuMsOf(all);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return (cpuMsOf(all) - before) / seconds;
}

const column = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "—").padStart(9);
const ratio = (value: number, floor: number) => (floor > 0 && Number.isFinite(value) ? `${(value / floor).toFixed(1)}×` : "—").padStart(9);

/** Prints the floor and each phase side by side, with each phase's ratio to the floor, and memory. */
export function printBesideFloor(server: TMeasuredServer, floor: TPhase, phases: TPhase[]): void {
  const width = Math.max(24, ...[floor, ...phases].map((phase) => phase.label.length + 2));
  console.log("");
  console.log(`${"".padEnd(width)}${"rate/s".padStart(9)}${"p50 ms".padStart(9)}${"p95 ms".padStart(9)}${"p99 ms".padStart(9)}${"max ms".padStart(9)}${"CPU ms/req".padStart(12)}${"non-2xx".padStart(9)}`);
  const line = (phase: TPhase) =>
    console.log(
      `${phase.label.padEnd(width)}${column(phase.rate)}${column(phase.p50)}${column(phase.p95)}${column(phase.p99)}${column(phase.max)}${column(phase.cpuMsPerRequest, 2).padStart(12)}${String(phase.requests - phase.ok).padStart(9)}`,
    );
  line(floor);
  for (const phase of phases) {
    line(phase);
    console.log(
      `${"  ÷ floor".padEnd(width)}${"".padStart(9)}${ratio(phase.p50, floor.p50)}${ratio(phase.p95, floor.p95)}${ratio(phase.p99, floor.p99)}${"".padStart(9)}${ratio(phase.cpuMsPerRequest, floor.cpuMsPerRequest).padStart(12)}`,
    );
  }
  console.log(`server memory after run: ${server.rssMb().toFixed(0)} MB RSS`);
}
