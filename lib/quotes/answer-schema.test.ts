import { describe, expect, it } from "vitest";
import { centsToAmountInput, ZAnswerQuoteSchema } from "@/lib/quotes/answer-schema";

const answer = (amount: string, message = "Your hamper") => ZAnswerQuoteSchema.safeParse({ quoteId: "q1", amount, message });
const firstMessage = (result: ReturnType<typeof answer>) => result.error?.issues[0]?.message;

describe("ZAnswerQuoteSchema", () => {
  it("turns rand as people type it into integer cents", () => {
    expect(answer("1 250,50").data).toEqual({ quoteId: "q1", amountCents: 125_050, message: "Your hamper" });
    expect(answer("R1,250.50").data?.amountCents).toBe(125_050);
    expect(answer("850").data?.amountCents).toBe(85_000);
    expect(answer(" 99.9 ").data?.amountCents).toBe(9_990);
  });

  it("says what is wrong with the amount in plain words", () => {
    expect(firstMessage(answer(""))).toBe("Enter the price.");
    expect(firstMessage(answer("lots"))).toBe("Enter the price as an amount, e.g. 1250 or 1 250,50.");
    expect(firstMessage(answer("0,00"))).toBe("Enter the price as an amount, e.g. 1250 or 1 250,50.");
    expect(firstMessage(answer("99999999"))).toBe("That price is too large. Check the amount.");
  });

  it("wants a message of 1 to 2,000 characters, trimmed", () => {
    expect(firstMessage(answer("100", "   "))).toBe("Write a short message to go with the price.");
    expect(firstMessage(answer("100", "x".repeat(2001)))).toBe("Keep the message under 2,000 characters.");
    expect(answer("100", ` ${"x".repeat(2000)} `).data?.message).toHaveLength(2000);
  });

  it("keeps errors on the field the person typed in", () => {
    expect(answer("lots").error?.issues[0]?.path).toEqual(["amount"]);
  });
});

describe("centsToAmountInput", () => {
  it("shows an earlier answer the way it would be typed", () => {
    expect(centsToAmountInput(125_000)).toBe("1250");
    expect(centsToAmountInput(125_050)).toBe("1250.50");
    expect(centsToAmountInput(null)).toBe("");
  });
});
