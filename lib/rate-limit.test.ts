// QUOTE_RATE_LIMIT=0 turns the per-IP limit off (the benchmarks and some installations want it).
import { afterAll, describe, expect, it, vi } from "vitest";

const previous = vi.hoisted(() => {
  const value = process.env.QUOTE_RATE_LIMIT;
  process.env.QUOTE_RATE_LIMIT = "0";
  return value;
});
afterAll(() => {
  // Worker processes are reused between test files: leave the environment as it was found.
  if (previous === undefined) delete process.env.QUOTE_RATE_LIMIT;
  else process.env.QUOTE_RATE_LIMIT = previous;
});

const { consumeQuoteAllowance } = await import("@/lib/rate-limit");
const { env } = await import("@/lib/env");

describe("consumeQuoteAllowance", () => {
  it("never refuses when the limit is 0", async () => {
    expect(env.QUOTE_RATE_LIMIT).toBe(0);
    for (let index = 0; index < 50; index++) await expect(consumeQuoteAllowance("198.51.100.1")).resolves.toBeUndefined();
  });
});
