import { describe, expect, it } from "vitest";
import { EMPTY_QUOTE_REQUEST, quoteRequestSchema, todayIn } from "@/lib/quotes/request-schema";
import { normalizePhone } from "@/lib/phone";

const schema = quoteRequestSchema({ region: "ZA", timeZone: "Africa/Johannesburg" });
const valid = { ...EMPTY_QUOTE_REQUEST, name: "Ann Mokoena", email: "ann@example.com", occasion: "Birthday hamper" };

function errorsOf(input: object): Record<string, string> {
  const result = schema.safeParse({ ...valid, ...input });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("quote request schema", () => {
  it("accepts a plain email request", () => {
    expect(errorsOf({})).toEqual({});
  });

  it("needs an email when the preference is email", () => {
    expect(errorsOf({ email: "" })).toEqual({ email: "Enter your email address, so we can send you the quote." });
    expect(errorsOf({ email: "not-an-email" }).email).toMatch(/email address like/);
  });

  it("needs a valid phone and ticked consent for WhatsApp, but not an email", () => {
    expect(errorsOf({ contactPreference: "whatsapp", email: "" })).toEqual({
      phone: "Enter your WhatsApp number, so we can send you the quote.",
      whatsappConsent: "Tick the box to let us contact you on WhatsApp, or choose email.",
    });
    expect(errorsOf({ contactPreference: "whatsapp", email: "", phone: "12345", whatsappConsent: true }).phone).toMatch(/valid phone number/);
    expect(errorsOf({ contactPreference: "whatsapp", email: "", phone: "082 123 4567", whatsappConsent: true })).toEqual({});
  });

  it("explains missing name and occasion in plain words", () => {
    expect(errorsOf({ name: " ", occasion: "" })).toEqual({ name: "Tell us your name.", occasion: "Tell us what the gift is for." });
  });

  it("reads the budget as an amount and refuses words", () => {
    expect(errorsOf({ budget: "R1 250,50" })).toEqual({});
    expect(errorsOf({ budget: "lots" }).budget).toMatch(/amount/);
  });

  it("refuses a date in the past, accepts today", () => {
    expect(errorsOf({ neededBy: "2020-01-01" }).neededBy).toBe("Choose a date from today on.");
    expect(errorsOf({ neededBy: todayIn("Africa/Johannesburg") })).toEqual({});
  });
});

describe("normalizePhone", () => {
  it("gives digits with the country code and no plus, the form Meta wants", () => {
    expect(normalizePhone("082 123 4567", "ZA")).toBe("27821234567");
    expect(normalizePhone("+27 (82) 123-4567", "ZA")).toBe("27821234567");
    expect(normalizePhone("+44 7911 123456", "ZA")).toBe("447911123456");
    expect(normalizePhone("12345", "ZA")).toBeNull();
  });
});
