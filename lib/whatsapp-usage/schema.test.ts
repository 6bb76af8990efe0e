import { describe, expect, it } from "vitest";
import { ZUsageSettingsSchema, microsToRateText, rateToMicros } from "@/lib/whatsapp-usage/schema";

describe("rateToMicros", () => {
  it("reads rates as a person types them, in millionths, and an empty field as no rate", () => {
    expect([rateToMicros("0.15"), rateToMicros("0,15"), rateToMicros("R 0.68"), rateToMicros("1"), rateToMicros(" ")]).toEqual([150_000, 150_000, 680_000, 1_000_000, null]);
  });

  it("takes fractions of a cent, up to six decimals", () => {
    expect([rateToMicros("0.0043"), rateToMicros("0,015"), rateToMicros("0.000001"), rateToMicros("$0.0379")]).toEqual([4_300, 15_000, 1, 37_900]);
  });

  it("reads earlier separators as thousands and the last as the decimal one", () => {
    expect([rateToMicros("1,250.50"), rateToMicros("1 250,5")]).toEqual([1_250_500_000, 1_250_500_000]);
  });

  it("refuses a seventh decimal, a negative and what is not an amount", () => {
    expect([rateToMicros("0.0000001"), rateToMicros("-0.01"), rateToMicros("abc"), rateToMicros("-"), rateToMicros("0."), rateToMicros("100001")]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("microsToRateText", () => {
  it("shows a stored rate with the decimals it has, and at least two", () => {
    expect([microsToRateText(680_000), microsToRateText(4_300), microsToRateText(1), microsToRateText(1_000_000)]).toEqual(["0.68", "0.0043", "0.000001", "1.00"]);
  });

  it("gives back what the form reads", () => {
    for (const micros of [4_300, 15_000, 680_000, 1_250_500_000]) expect(rateToMicros(microsToRateText(micros))).toBe(micros);
  });
});

describe("ZUsageSettingsSchema", () => {
  it("names the field that is wrong", () => {
    const parsed = ZUsageSettingsSchema.safeParse({ fallbackTier: "TIER_3", marketing: "0.0000015", utility: "0.0043", authentication: "", service: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["fallbackTier", "marketing"]);
  });
});
