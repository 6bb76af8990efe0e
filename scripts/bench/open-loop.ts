// Open-loop load: requests are sent at a fixed rate whatever the server does, and each latency
// is counted from when the request was due, so a stalled server shows up as queueing delay
// instead of quietly lowering the rate (coordinated omission).
import http from "node:http";

export type TRequestSpec = { method: string; path: string; headers?: Record<string, string>; body?: string };
export type TResult = { due: number; latencyMs: number; status: number; body?: string };

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function send(baseUrl: string, spec: TRequestSpec, keepBody = false): Promise<{ status: number; body: string }> {
  const url = new URL(spec.path, baseUrl);
  return new Promise((resolve) => {
    const request = http.request(
      url,
      { method: spec.method, headers: { ...spec.headers, ...(spec.body ? { "content-length": Buffer.byteLength(spec.body).toString() } : {}) }, agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => keepBody && chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    request.on("error", () => resolve({ status: 0, body: "" }));
    if (spec.body) request.write(spec.body);
    request.end();
  });
}

export async function openLoop(options: {
  baseUrl: string;
  rate: number;
  seconds: number;
  next: (index: number) => TRequestSpec;
  keepBody?: boolean;
}): Promise<TResult[]> {
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const start = performance.now() + 50;
  const pending: Promise<TResult>[] = [];
  for (let index = 0; index < total; index++) {
    const due = start + index * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const spec = options.next(index);
    pending.push(
      send(options.baseUrl, spec, options.keepBody).then(({ status, body }) => ({
        due,
        latencyMs: performance.now() - due,
        status,
        body: options.keepBody ? body : undefined,
      })),
    );
  }
  return Promise.all(pending);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarize(label: string, results: TResult[]): { p50: number; p95: number; p99: number; max: number; ok: number; errors: number } {
  const latencies = results.map((result) => result.latencyMs).sort((a, b) => a - b);
  const ok = results.filter((result) => result.status >= 200 && result.status < 400).length;
  const summary = {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    ok,
    errors: results.length - ok,
  };
  const f = (value: number) => value.toFixed(1).padStart(7);
  console.log(`${label.padEnd(28)} n=${String(results.length).padStart(6)}  p50=${f(summary.p50)} ms  p95=${f(summary.p95)} ms  p99=${f(summary.p99)} ms  max=${f(summary.max)} ms  non-2xx=${summary.errors}`);
  return summary;
}
