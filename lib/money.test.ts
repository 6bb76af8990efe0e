import { describe, expect, it } from "vitest";
import { parseMoneyToCents } from "@/lib/money";

describe("parseMoneyToCents", () => {
  it.each([
    ["1250", 125_000],
    ["R1 250,50", 125_050],
    ["R1,250.50", 125_050],
    ["1.250", 125_000],
    ["1250.5", 125_050],
    ["0,99", 99],
  ])("reads %s as %i cents", (input, cents) => {
    expect(parseMoneyToCents(input)).toBe(cents);
  });

  it("returns null for text without digits", () => {
    expect(parseMoneyToCents("about a thousand")).toBeNull();
    expect(parseMoneyToCents("")).toBeNull();
  });
});
