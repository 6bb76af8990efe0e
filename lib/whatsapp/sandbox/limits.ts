// Meta's sending limits and a chaos mode, for the sandbox. Throughput: more sends than the
// number's messages/second in any 1,000 ms window get 130429. Pair rate: more than `count` sends
// to one number within `windowMs` get 131056. Faults: a share of sends fail the ways Meta's do
// (timeout, HTTP 500, 130429, 131047, 190), for the dispatcher's fault tests.
import { sandboxFailure, graphErrorResponse, type TSandboxFailure } from "@/lib/whatsapp/sandbox/failures";

export type TSandboxFaultKind = "timeout" | "server_error" | "rate_limit" | "window" | "token";

export type TSandboxLimits = {
  /** Sends per 1,000 ms the number allows (Meta: 80 by default). Unlimited when absent. */
  throughputPerSecond?: number;
  /** Sends to one number allowed within the window (Meta tolerates short bursts). */
  pairLimit?: { count: number; windowMs: number };
  /** Share of sends (0–1) that fail with one of `kinds`, picked at random. */
  faults?: { rate: number; kinds?: readonly TSandboxFaultKind[]; random?: () => number; timeoutMs?: number };
};

export type TLimitVerdict =
  | { ok: true }
  | { ok: false; failure: TSandboxFailure; kind: "throughput" | "pair" | Exclude<TSandboxFaultKind, "timeout"> }
  | { ok: false; kind: "timeout"; hangMs: number; accept: boolean };

const FAULT_CODES: Record<Exclude<TSandboxFaultKind, "timeout">, number> = {
  server_error: 131000,
  rate_limit: 130429,
  window: 131047,
  token: 190,
};

export function createLimiter() {
  const recent: number[] = [];
  const perRecipient = new Map<string, number[]>();
  const counts = { throughput: 0, pair: 0, faults: 0 };

  function check(to: string, limits: TSandboxLimits, now = Date.now()): TLimitVerdict {
    const fault = limits.faults;
    if (fault && fault.rate > 0) {
      const random = fault.random ?? Math.random;
      if (random() < fault.rate) {
        const kinds = fault.kinds ?? (["timeout", "server_error", "rate_limit", "window", "token"] as const);
        const kind = kinds[Math.floor(random() * kinds.length)] ?? "server_error";
        counts.faults++;
        // A timeout is the case that matters: half of them Meta did take (the answer was lost).
        if (kind === "timeout") return { ok: false, kind, hangMs: fault.timeoutMs ?? 15_000, accept: random() < 0.5 };
        return { ok: false, kind, failure: sandboxFailure(FAULT_CODES[kind]) };
      }
    }
    if (limits.throughputPerSecond) {
      while (recent.length && recent[0]! <= now - 1000) recent.shift();
      if (recent.length >= limits.throughputPerSecond) {
        counts.throughput++;
        return { ok: false, kind: "throughput", failure: sandboxFailure(130429) };
      }
    }
    if (limits.pairLimit) {
      const times = (perRecipient.get(to) ?? []).filter((at) => at > now - limits.pairLimit!.windowMs);
      if (times.length >= limits.pairLimit.count) {
        counts.pair++;
        perRecipient.set(to, times);
        return { ok: false, kind: "pair", failure: sandboxFailure(131056) };
      }
      times.push(now);
      perRecipient.set(to, times);
    }
    if (limits.throughputPerSecond) recent.push(now);
    return { ok: true };
  }

  return {
    check,
    /** How many sends each limit refused, and how many faults were injected. */
    counts: counts as Readonly<typeof counts>,
    reset() {
      recent.length = 0;
      perRecipient.clear();
      counts.throughput = counts.pair = counts.faults = 0;
    },
  };
}

export function limitResponse(failure: TSandboxFailure): Response {
  return graphErrorResponse(failure.code, failure.message, failure.httpStatus, { subcode: failure.subcode });
}
