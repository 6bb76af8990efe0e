import { describe, expect, it } from "vitest";
import { accountKey, accountKeyPrefix, addressKey, delayAfterFailures, throttledMessage } from "@/lib/auth/throttle-rules";

const policy = { freeAttempts: 5, maxDelaySeconds: 900 };

describe("delayAfterFailures", () => {
  it("lets the first tries through, then doubles the wait up to the cap", () => {
    expect([0, 1, 4].map((n) => delayAfterFailures(n, policy))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 14].map((n) => delayAfterFailures(n, policy))).toEqual([1, 2, 4, 8, 512]);
    expect(delayAfterFailures(15, policy)).toBe(900);
    expect(delayAfterFailures(10_000, policy)).toBe(900);
  });
});

describe("keys", () => {
  it("count an email the same whatever its case or spaces, per address", () => {
    expect(accountKey(" Owner@Example.com ", "198.51.100.4")).toBe("account:owner@example.com|198.51.100.4");
    expect(accountKey("owner@example.com", "198.51.100.4").startsWith(accountKeyPrefix("OWNER@example.com"))).toBe(true);
    expect(addressKey("198.51.100.4")).toBe("address:198.51.100.4");
  });
});

describe("throttledMessage", () => {
  it("names the wait and the way out, and nothing about the account", () => {
    expect(throttledMessage(1)).toBe("Too many sign-in attempts from your connection. Wait 1 second and try again, or choose “Forgot password?” to get a link by email.");
    expect(throttledMessage(0.2)).toContain("Wait 1 second ");
    expect(throttledMessage(64)).toContain("Wait 64 seconds");
    expect(throttledMessage(900)).toContain("Wait 15 minutes");
  });
});
