import { describe, expect, it } from "vitest";
import { retryDelayMs } from "@/lib/outbox/backoff";

const low = () => 0;
const high = () => 0.999_999_999;
const mid = () => 0.5;

describe("retryDelayMs", () => {
  it("doubles the ceiling with every failed attempt from the base", () => {
    // With random() → 1 the delay is the ceiling itself.
    expect(retryDelayMs(1, undefined, { random: high })).toBe(2_000);
    expect(retryDelayMs(2, undefined, { random: high })).toBe(4_000);
    expect(retryDelayMs(3, undefined, { random: high })).toBe(8_000);
    expect(retryDelayMs(4, undefined, { random: high })).toBe(16_000);
    expect(retryDelayMs(3, undefined, { baseMs: 100, random: high })).toBe(400);
  });

  it("treats zero or negative attempts as the first", () => {
    expect(retryDelayMs(0, undefined, { random: high })).toBe(2_000);
    expect(retryDelayMs(-3, undefined, { random: high })).toBe(2_000);
  });

  it("jitters between half the ceiling and the ceiling", () => {
    expect(retryDelayMs(3, undefined, { random: low })).toBe(4_000);
    expect(retryDelayMs(3, undefined, { random: mid })).toBe(6_000);
    expect(retryDelayMs(3, undefined, { random: high })).toBe(8_000);
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(15 * 60_000, 2_000 * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i++) {
        const delay = retryDelayMs(attempt, undefined);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it("caps the delay at maxMs however many attempts failed", () => {
    expect(retryDelayMs(30, undefined, { random: high })).toBe(15 * 60_000);
    expect(retryDelayMs(30, undefined, { random: low })).toBe(7.5 * 60_000);
    expect(retryDelayMs(10, undefined, { maxMs: 5_000, random: high })).toBe(5_000);
    expect(retryDelayMs(10, undefined, { maxMs: 5_000, random: low })).toBe(2_500);
    expect(retryDelayMs(2_000, undefined, { random: high })).toBe(15 * 60_000);
  });

  it("never waits less than the provider's Retry-After", () => {
    expect(retryDelayMs(1, 30_000, { random: low })).toBe(30_000);
    expect(retryDelayMs(1, 30_000, { random: high })).toBe(30_000);
    // A Retry-After shorter than the backoff does not shorten it.
    expect(retryDelayMs(4, 1_000, { random: low })).toBe(8_000);
  });

  it("still respects the cap over a huge Retry-After", () => {
    expect(retryDelayMs(1, 60 * 60_000, { random: low })).toBe(15 * 60_000);
    expect(retryDelayMs(1, 60_000, { maxMs: 10_000, random: low })).toBe(10_000);
  });
});
