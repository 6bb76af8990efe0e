import { describe, expect, it } from "vitest";
import { createLimiter, limitResponse, type TLimitVerdict, type TSandboxFaultKind } from "@/lib/whatsapp/sandbox/limits";

/** A small seeded generator (mulberry32), so fault runs are repeatable. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns the given values in turn. */
function scripted(...values: number[]): () => number {
  let i = 0;
  return () => {
    if (i >= values.length) throw new Error("random() called more often than scripted");
    return values[i++]!;
  };
}

const codeOf = (verdict: TLimitVerdict) => (!verdict.ok && "failure" in verdict ? verdict.failure.code : undefined);

describe("createLimiter throughput", () => {
  it("refuses the (N+1)th send within 1,000 ms with 130429", () => {
    const limiter = createLimiter();
    const limits = { throughputPerSecond: 3 };
    expect(limiter.check("a", limits, 10_000)).toEqual({ ok: true });
    expect(limiter.check("b", limits, 10_100)).toEqual({ ok: true });
    expect(limiter.check("c", limits, 10_200)).toEqual({ ok: true });
    const refused = limiter.check("d", limits, 10_300);
    expect(refused).toMatchObject({ ok: false, kind: "throughput", failure: { code: 130429 } });
    expect(limiter.check("d", limits, 10_999)).toMatchObject({ ok: false, kind: "throughput" });
    expect(limiter.counts.throughput).toBe(2);
  });

  it("allows again once the oldest send is 1,000 ms old, one slot per expired send", () => {
    const limiter = createLimiter();
    const limits = { throughputPerSecond: 3 };
    limiter.check("a", limits, 0);
    limiter.check("a", limits, 100);
    limiter.check("a", limits, 200);
    expect(limiter.check("a", limits, 999).ok).toBe(false);
    expect(limiter.check("a", limits, 1_000)).toEqual({ ok: true });
    expect(limiter.check("a", limits, 1_000).ok).toBe(false);
    expect(limiter.check("a", limits, 1_100)).toEqual({ ok: true });
  });

  it("does not count refused sends against the throughput", () => {
    const limiter = createLimiter();
    const limits = { throughputPerSecond: 2 };
    limiter.check("a", limits, 0);
    limiter.check("a", limits, 0);
    for (let t = 1; t < 1_000; t += 50) expect(limiter.check("a", limits, t).ok).toBe(false);
    expect(limiter.check("a", limits, 1_000).ok).toBe(true);
    expect(limiter.check("a", limits, 1_000).ok).toBe(true);
  });

  it("lets 80 of 200 simultaneous sends through at Meta's default of 80", () => {
    const limiter = createLimiter();
    const verdicts = Array.from({ length: 200 }, (_, i) => limiter.check(`27820000${String(i).padStart(3, "0")}`, { throughputPerSecond: 80 }, 5_000));
    expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(80);
    expect(limiter.counts.throughput).toBe(120);
  });

  it("is unlimited without a throughput", () => {
    const limiter = createLimiter();
    for (let i = 0; i < 1_000; i++) expect(limiter.check("a", {}, 0).ok).toBe(true);
  });
});

describe("createLimiter pair rate", () => {
  const limits = { pairLimit: { count: 2, windowMs: 6_000 } };

  it("refuses more than `count` sends to one number within the window with 131056", () => {
    const limiter = createLimiter();
    expect(limiter.check("27821234567", limits, 0)).toEqual({ ok: true });
    expect(limiter.check("27821234567", limits, 1_000)).toEqual({ ok: true });
    expect(limiter.check("27821234567", limits, 2_000)).toMatchObject({ ok: false, kind: "pair", failure: { code: 131056 } });
    expect(limiter.counts.pair).toBe(1);
  });

  it("allows again when the oldest send leaves the window", () => {
    const limiter = createLimiter();
    limiter.check("a", limits, 0);
    limiter.check("a", limits, 1_000);
    expect(limiter.check("a", limits, 5_999).ok).toBe(false);
    expect(limiter.check("a", limits, 6_000).ok).toBe(true);
    expect(limiter.check("a", limits, 6_500).ok).toBe(false);
    expect(limiter.check("a", limits, 7_000).ok).toBe(true);
  });

  it("keeps numbers independent", () => {
    const limiter = createLimiter();
    limiter.check("a", limits, 0);
    limiter.check("a", limits, 0);
    expect(limiter.check("a", limits, 0).ok).toBe(false);
    expect(limiter.check("b", limits, 0).ok).toBe(true);
    expect(limiter.check("b", limits, 0).ok).toBe(true);
    expect(limiter.check("b", limits, 0).ok).toBe(false);
  });

  it("does not use a throughput slot for a send the pair limit refused", () => {
    const limiter = createLimiter();
    const both = { throughputPerSecond: 3, pairLimit: { count: 1, windowMs: 6_000 } };
    expect(limiter.check("a", both, 0).ok).toBe(true);
    expect(codeOf(limiter.check("a", both, 0))).toBe(131056);
    expect(codeOf(limiter.check("a", both, 0))).toBe(131056);
    expect(limiter.check("b", both, 0).ok).toBe(true);
    expect(limiter.check("c", both, 0).ok).toBe(true);
    expect(codeOf(limiter.check("d", both, 0))).toBe(130429);
  });

  it("forgets everything on reset", () => {
    const limiter = createLimiter();
    const both = { throughputPerSecond: 2, pairLimit: { count: 1, windowMs: 6_000 } };
    expect(limiter.check("a", both, 0).ok).toBe(true);
    expect(codeOf(limiter.check("a", both, 0))).toBe(131056);
    expect(limiter.check("b", both, 0).ok).toBe(true);
    expect(codeOf(limiter.check("c", both, 0))).toBe(130429);
    expect(limiter.counts).toEqual({ throughput: 1, pair: 1, faults: 0 });
    limiter.reset();
    expect(limiter.counts).toEqual({ throughput: 0, pair: 0, faults: 0 });
    expect(limiter.check("a", both, 0).ok).toBe(true);
    expect(limiter.check("c", both, 0).ok).toBe(true);
  });
});

describe("createLimiter faults", () => {
  it("injects every kind of fault with a seeded random, at about the asked rate", () => {
    const limiter = createLimiter();
    const random = seeded(42);
    const seen = new Map<string, number>();
    const timeouts: boolean[] = [];
    const runs = 2_000;
    for (let i = 0; i < runs; i++) {
      const verdict = limiter.check(`n${i}`, { faults: { rate: 0.3, random } }, i);
      if (verdict.ok) continue;
      seen.set(verdict.kind, (seen.get(verdict.kind) ?? 0) + 1);
      if (verdict.kind === "timeout") timeouts.push(verdict.accept);
    }
    expect([...seen.keys()].sort()).toEqual(["rate_limit", "server_error", "timeout", "token", "window"]);
    const faults = [...seen.values()].reduce((sum, n) => sum + n, 0);
    expect(limiter.counts.faults).toBe(faults);
    expect(faults / runs).toBeGreaterThan(0.25);
    expect(faults / runs).toBeLessThan(0.35);
    // Half of the timeouts were taken by Meta (the answer was lost): both happen.
    expect(timeouts).toContain(true);
    expect(timeouts).toContain(false);
  });

  it("fails each kind with Meta's code and HTTP status", () => {
    const expected: Record<Exclude<TSandboxFaultKind, "timeout">, { code: number; httpStatus: number }> = {
      server_error: { code: 131000, httpStatus: 500 },
      rate_limit: { code: 130429, httpStatus: 400 },
      window: { code: 131047, httpStatus: 400 },
      token: { code: 190, httpStatus: 401 },
    };
    for (const [kind, failure] of Object.entries(expected)) {
      const verdict = createLimiter().check("a", { faults: { rate: 1, kinds: [kind as TSandboxFaultKind], random: scripted(0.5, 0.5) } });
      expect(verdict).toMatchObject({ ok: false, kind, failure });
      if (!verdict.ok && "failure" in verdict) expect(verdict.failure.message).toMatch(new RegExp(`^\\(#${failure.code}\\) `));
    }
  });

  it("picks the kind from the second random number", () => {
    const kinds = ["timeout", "server_error", "rate_limit", "window", "token"] as const;
    expect(createLimiter().check("a", { faults: { rate: 0.5, random: scripted(0.1, 0.2, 0.9) } })).toMatchObject({ kind: "server_error" });
    expect(createLimiter().check("a", { faults: { rate: 0.5, kinds, random: scripted(0.1, 0.99) } })).toMatchObject({ kind: "token" });
    expect(createLimiter().check("a", { faults: { rate: 0.5, kinds, random: scripted(0.1, 0.5) } })).toMatchObject({ kind: "rate_limit" });
  });

  it("hangs a timeout for timeoutMs (15 s by default) and decides with a third number whether Meta took it", () => {
    expect(createLimiter().check("a", { faults: { rate: 1, kinds: ["timeout"], random: scripted(0, 0, 0.49) } })).toEqual({
      ok: false,
      kind: "timeout",
      hangMs: 15_000,
      accept: true,
    });
    expect(createLimiter().check("a", { faults: { rate: 1, kinds: ["timeout"], timeoutMs: 250, random: scripted(0, 0, 0.5) } })).toEqual({
      ok: false,
      kind: "timeout",
      hangMs: 250,
      accept: false,
    });
  });

  it("sends normally when the first random number is at or above the rate", () => {
    const limiter = createLimiter();
    expect(limiter.check("a", { faults: { rate: 0.3, random: scripted(0.3) } })).toEqual({ ok: true });
    expect(limiter.check("a", { faults: { rate: 0.3, random: scripted(0.9) } })).toEqual({ ok: true });
    expect(limiter.counts.faults).toBe(0);
  });

  it("never injects at rate 0, without even drawing a number", () => {
    const limiter = createLimiter();
    const never = () => {
      throw new Error("random() should not be called");
    };
    for (let i = 0; i < 100; i++) expect(limiter.check("a", { faults: { rate: 0, random: never } }).ok).toBe(true);
  });

  it("does not use a throughput slot for a faulted send", () => {
    const limiter = createLimiter();
    expect(limiter.check("a", { throughputPerSecond: 1, faults: { rate: 1, kinds: ["server_error"], random: scripted(0, 0) } }, 0).ok).toBe(false);
    expect(limiter.check("a", { throughputPerSecond: 1 }, 0)).toEqual({ ok: true });
  });
});

describe("limitResponse", () => {
  it("answers Meta's error envelope with the failure's status", async () => {
    const verdict = createLimiter().check("a", { faults: { rate: 1, kinds: ["token"], random: scripted(0, 0) } });
    if (verdict.ok || !("failure" in verdict)) throw new Error("expected a failure");
    const response = limitResponse(verdict.failure);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: number; error_subcode?: number; message: string } };
    expect(body.error.code).toBe(190);
    expect(body.error.error_subcode).toBe(463);
    expect(body.error.message).toBe(verdict.failure.message);
  });
});
