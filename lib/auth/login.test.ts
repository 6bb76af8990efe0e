// Sign-in against the real database: no lockout, growing waits per (email, address) and per
// address, one answer for known and unknown emails, and the race that used to let 40 of 20×2
// parallel guesses through.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";

const verifyCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (original) => {
  const actual = await original<typeof import("@/lib/auth/password")>();
  return {
    ...actual,
    verifyPassword: async (hash: string, password: string) => {
      verifyCalls.count++;
      return actual.verifyPassword(hash, password);
    },
  };
});

const { hashPassword } = await import("@/lib/auth/password");
const { checkAdminLogin } = await import("@/lib/auth/login");
const { ACCOUNT_POLICY, ADDRESS_POLICY } = await import("@/lib/auth/throttle");

const EMAIL = "owner@example.com";
const PASSWORD = "correct horse battery";
const STRANGER = "203.0.113.66";
const OWNER_HOME = "198.51.100.7";
let t0 = Date.parse("2026-06-01T08:00:00Z");

beforeEach(async () => {
  await db.loginThrottle.deleteMany();
  await db.adminUser.deleteMany();
  await db.adminUser.create({ data: { email: EMAIL, name: "Owner", role: "owner", passwordHash: await hashPassword(PASSWORD) } });
  verifyCalls.count = 0;
  t0 += 24 * 60 * 60 * 1000; // every test on a fresh day, far from the last one's counters
});

const at = (ms: number) => new Date(t0 + ms);
const tryAs = (email: string, password: string, address: string, ms = 0) => checkAdminLogin(email, password, { address, now: at(ms) });

describe("checkAdminLogin", () => {
  it("accepts the right password, case-insensitively, and never returns the hash", async () => {
    const result = await tryAs("OWNER@example.com", PASSWORD, OWNER_HOME);
    expect(result).toMatchObject({ ok: true, admin: { email: EMAIL, role: "owner", sessionVersion: 0 } });
    expect(JSON.stringify(result)).not.toContain("argon2");
  });

  it("refuses an unknown email and a wrong password alike", async () => {
    expect(await tryAs("nobody@example.com", PASSWORD, STRANGER)).toEqual({ ok: false, reason: "invalid" });
    expect(await tryAs(EMAIL, "wrong", STRANGER)).toEqual({ ok: false, reason: "invalid" });
  });

  it("hashes once for every unthrottled try, known email or not", async () => {
    await tryAs("nobody@example.com", "x", STRANGER);
    await tryAs(EMAIL, "x", STRANGER);
    expect(verifyCalls.count).toBe(2);
  });

  it("takes about as long for an unknown email as for a known one", async () => {
    const samples = { known: [] as number[], unknown: [] as number[] };
    // Interleaved, from addresses that are never throttled, so load hits both alike.
    for (let i = 0; i < 8; i++) {
      for (const kind of ["known", "unknown"] as const) {
        const started = performance.now();
        await tryAs(kind === "known" ? EMAIL : `nobody${i}@example.com`, "wrong", `198.18.0.${i * 2 + (kind === "known" ? 0 : 1)}`);
        samples[kind].push(performance.now() - started);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    const ratio = median(samples.unknown) / median(samples.known);
    console.info(`sign-in timing: median ${median(samples.known).toFixed(1)} ms known email, ${median(samples.unknown).toFixed(1)} ms unknown (ratio ${ratio.toFixed(2)})`);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("never locks the owner out: a stranger's failures do not slow a sign-in from another address", async () => {
    for (let i = 0; i < 40; i++) await tryAs(EMAIL, `guess-${i}`, STRANGER, i);
    expect(await tryAs(EMAIL, PASSWORD, STRANGER, 50)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await tryAs(EMAIL, PASSWORD, OWNER_HOME, 60)).toMatchObject({ ok: true });
  });

  it("makes each try after the free ones wait twice as long, with one answer for known and unknown emails", async () => {
    const free = ACCOUNT_POLICY.freeAttempts;
    for (const email of [EMAIL, "nobody@example.com"]) {
      for (let i = 0; i < free; i++) expect(await tryAs(email, "wrong", STRANGER, i)).toEqual({ ok: false, reason: "invalid" });
      expect(await tryAs(email, "wrong", STRANGER, free)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 1 });
      // after the first wait, one more try; then the wait doubles
      expect(await tryAs(email, "wrong", STRANGER, 1_100)).toEqual({ ok: false, reason: "invalid" });
      expect(await tryAs(email, "wrong", STRANGER, 1_200)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 2 });
      expect(await tryAs(email, PASSWORD, STRANGER, 3_200)).toMatchObject({ ok: email === EMAIL });
    }
  });

  it("caps the wait, and forgets failures after a quiet spell", async () => {
    // One try every 1,000 s: past the longest wait (900 s), well inside the quiet spell (1 h).
    for (let i = 0; i < 30; i++) expect(await tryAs(EMAIL, "wrong", STRANGER, i * 1_000_000)).toEqual({ ok: false, reason: "invalid" });
    const last = 29 * 1_000_000;
    expect(await tryAs(EMAIL, PASSWORD, STRANGER, last + 1)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: ACCOUNT_POLICY.maxDelaySeconds });
    const quiet = last + ACCOUNT_POLICY.forgetAfterSeconds * 1000 + 1;
    expect(await tryAs(EMAIL, PASSWORD, STRANGER, quiet)).toMatchObject({ ok: true });
  });

  it("slows one address that tries many emails, and no other address", async () => {
    for (let i = 0; i < ADDRESS_POLICY.freeAttempts; i++) await tryAs(`user${i}@example.com`, "wrong", STRANGER, i);
    expect(await tryAs("fresh@example.com", "wrong", STRANGER, 100)).toMatchObject({ reason: "throttled" });
    expect(await tryAs(EMAIL, PASSWORD, OWNER_HOME, 100)).toMatchObject({ ok: true });
  });

  it("starts an email again from zero after a right password, and gives the address its try back", async () => {
    for (let i = 0; i < ACCOUNT_POLICY.freeAttempts - 1; i++) await tryAs(EMAIL, "wrong", OWNER_HOME, i);
    expect(await tryAs(EMAIL, PASSWORD, OWNER_HOME, 10)).toMatchObject({ ok: true });
    for (let i = 0; i < ACCOUNT_POLICY.freeAttempts - 1; i++) expect(await tryAs(EMAIL, "wrong", OWNER_HOME, 20 + i)).toEqual({ ok: false, reason: "invalid" });
    const address = await db.loginThrottle.findUniqueOrThrow({ where: { key: `address:${OWNER_HOME}` } });
    expect(address.failures).toBe(2 * (ACCOUNT_POLICY.freeAttempts - 1));
  });

  it("drops forgotten counters when someone signs in", async () => {
    await tryAs("stranger@example.com", "wrong", STRANGER, 0);
    const later = ACCOUNT_POLICY.forgetAfterSeconds * 1000 + 1;
    expect(await tryAs(EMAIL, PASSWORD, OWNER_HOME, later)).toMatchObject({ ok: true });
    expect(await db.loginThrottle.findMany({ select: { key: true } })).toEqual([{ key: `address:${OWNER_HOME}` }]);
  });

  it("refuses a deactivated admin and an invited admin without a password with the same answer", async () => {
    await db.adminUser.create({ data: { email: "gone@example.com", name: "Gone", passwordHash: await hashPassword(PASSWORD), deactivatedAt: new Date() } });
    await db.adminUser.create({ data: { email: "invited@example.com", name: "", passwordHash: null } });
    verifyCalls.count = 0;
    expect(await tryAs("gone@example.com", PASSWORD, OWNER_HOME)).toEqual({ ok: false, reason: "invalid" });
    expect(await tryAs("invited@example.com", "", OWNER_HOME)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyCalls.count).toBe(2);
  });
});

describe("the lockout race", () => {
  it("checks at most the free tries when 20 wrong passwords arrive at the same instant", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => tryAs(EMAIL, `parallel-${i}`, STRANGER)));
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    const throttled = results.filter((r) => !r.ok && r.reason === "throttled").length;
    console.info(`lockout race (same instant): 20 parallel wrong passwords, ${checked} checked, ${throttled} throttled, ${verifyCalls.count} hashes`);
    expect(checked).toBe(ACCOUNT_POLICY.freeAttempts);
    expect(verifyCalls.count).toBe(ACCOUNT_POLICY.freeAttempts);
    expect(throttled).toBe(20 - ACCOUNT_POLICY.freeAttempts);
    const row = await db.loginThrottle.findFirstOrThrow({ where: { key: { startsWith: "account:" } } });
    expect(row.failures).toBe(ACCOUNT_POLICY.freeAttempts);
  });

  it("holds on the real clock too", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => checkAdminLogin(EMAIL, `real-clock-${i}`, { address: "192.0.2.1" })));
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    console.info(`lockout race (real clock): 20 parallel wrong passwords, ${checked} checked (limit ${ACCOUNT_POLICY.freeAttempts})`);
    // The claims take milliseconds; only if they took longer than the first wait (1 s) could one
    // more try have come due.
    expect(checked).toBeLessThanOrEqual(ACCOUNT_POLICY.freeAttempts + 1);
  });
});
