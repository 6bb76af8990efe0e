import { describe, expect, it } from "vitest";
import { ZUsageSettingsSchema, rateToCents } from "@/lib/whatsapp-usage/schema";

describe("rateToCents", () => {
  it("reads rates as a person types them, and an empty field as no rate", () => {
    expect([rateToCents("0.15"), rateToCents("0,15"), rateToCents("R 0.68"), rateToCents("1"), rateToCents(" ")]).toEqual([15, 15, 68, 100, null]);
  });

  it("refuses a third decimal instead of reading it as thousands, and what is not an amount", () => {
    expect([rateToCents("0.015"), rateToCents("0,0034"), rateToCents("abc"), rateToCents("-")]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("ZUsageSettingsSchema", () => {
  it("names the field that is wrong", () => {
    const parsed = ZUsageSettingsSchema.safeParse({ fallbackTier: "TIER_3", marketing: "0.015", utility: "0.15", authentication: "", service: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["fallbackTier", "marketing"]);
  });
});
