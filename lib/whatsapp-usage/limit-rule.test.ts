import { describe, expect, it } from "vitest";
import { assessUsage, holdForLimit } from "@/lib/whatsapp-usage/limit-rule";
import { tierLabel, tierLimit } from "@/lib/whatsapp-usage/tiers";

const now = new Date("2026-12-03T10:00:00Z");

describe("tiers", () => {
  it("reads Meta's tiers, old and new, and refuses what it does not know", () => {
    expect([tierLimit("TIER_250"), tierLimit("TIER_2K"), tierLimit("TIER_10K"), tierLimit("TIER_100K"), tierLimit("TIER_UNLIMITED")]).toEqual([250, 2000, 10000, 100000, null]);
    expect([tierLimit("TIER_50"), tierLimit("TIER_1K")]).toEqual([50, 1000]);
    expect([tierLimit("TIER_X"), tierLimit(""), tierLimit("TIER_0")]).toEqual([undefined, undefined, undefined]);
    expect([tierLabel("TIER_2K"), tierLabel("TIER_UNLIMITED")]).toEqual(["2,000", "Unlimited"]);
  });
});

describe("assessUsage", () => {
  it("warns from 80 % and says reached at the limit", () => {
    expect(assessUsage(199, 250).level).toBe("ok");
    expect(assessUsage(200, 250)).toEqual({ used: 200, limit: 250, share: 0.8, level: "warn" });
    expect(assessUsage(250, 250).level).toBe("reached");
    expect(assessUsage(10_000, null)).toEqual({ used: 10_000, limit: null, share: null, level: "ok" });
  });
});

describe("holdForLimit", () => {
  const nextFreeAt = new Date("2026-12-03T13:00:00Z");

  it("holds a new customer once the limit is full, until the first counted one frees a slot", () => {
    const hold = holdForLimit({ used: 250, limit: 250, alreadyCounted: false, nextFreeAt, now });
    expect(hold).toMatchObject({ dueAt: nextFreeAt, errorCode: "messaging_limit", errorTitle: "held: messaging limit reached (250 of 250 customers in 24 h)" });
  });

  it("never holds below the limit, a customer already counted, or an unlimited portfolio", () => {
    expect(holdForLimit({ used: 249, limit: 250, alreadyCounted: false, nextFreeAt, now })).toBeNull();
    expect(holdForLimit({ used: 250, limit: 250, alreadyCounted: true, nextFreeAt, now })).toBeNull();
    expect(holdForLimit({ used: 900_000, limit: null, alreadyCounted: false, nextFreeAt, now })).toBeNull();
  });

  it("waits at least a minute when the slot's time is already past", () => {
    expect(holdForLimit({ used: 251, limit: 250, alreadyCounted: false, nextFreeAt: new Date(now.getTime() - 5), now })?.dueAt).toEqual(new Date(now.getTime() + 60_000));
  });
});
