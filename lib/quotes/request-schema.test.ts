// The quote form's rules and their messages, exactly as a customer reads them.
import { describe, expect, it } from "vitest";
import { todayIn } from "@/lib/calendar";
import { EMPTY_QUOTE_REQUEST, QUOTE_REQUEST_LIMITS, quoteRequestSchema, whatsappConsentText } from "@/lib/quotes/request-schema";
import { normalizePhone } from "@/lib/phone";

const schema = quoteRequestSchema({ region: "ZA", timeZone: "Africa/Johannesburg" });
const valid = { ...EMPTY_QUOTE_REQUEST, name: "Ann Mokoena", email: "ann@example.com", occasion: "Birthday hamper" };
const whatsapp = { contactPreference: "whatsapp", email: "", phone: "082 123 4567", whatsappConsent: true } as const;

/** The first message per field: the one the form shows. */
function errorsOf(input: object): Record<string, string> {
  const result = schema.safeParse({ ...valid, ...input });
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

describe("quote request schema", () => {
  it("accepts a plain email request and trims what was typed", () => {
    expect(errorsOf({})).toEqual({});
    expect(schema.parse({ ...valid, name: "  Ann  ", deliveryArea: " Claremont " })).toMatchObject({ name: "Ann", deliveryArea: "Claremont" });
  });

  it("needs a valid email when the preference is email", () => {
    expect(errorsOf({ email: "" })).toEqual({ email: "Enter your email address, so we can send you the quote." });
    expect(errorsOf({ email: "not-an-email" })).toEqual({ email: "Enter an email address like name@example.com." });
  });

  it("needs a phone number and ticked consent for WhatsApp, but no email", () => {
    expect(errorsOf({ ...whatsapp, phone: "", whatsappConsent: false })).toEqual({
      phone: "Enter your WhatsApp number, so we can send you the quote.",
      whatsappConsent: "Tick the box to let us contact you on WhatsApp, or choose email.",
    });
    expect(errorsOf(whatsapp)).toEqual({});
  });

  it("still checks an email given with WhatsApp", () => {
    expect(errorsOf({ ...whatsapp, email: "ann@" })).toEqual({ email: "Enter an email address like name@example.com." });
  });

  it("refuses a phone number that cannot be a real one, also when it is optional", () => {
    const message = "Enter a valid phone number, e.g. 082 123 4567 or +27 82 123 4567.";
    expect(errorsOf({ ...whatsapp, phone: "12345" })).toEqual({ phone: message });
    expect(errorsOf({ phone: "0123" })).toEqual({ phone: message });
    expect(errorsOf({ phone: "+44 7911 123456" })).toEqual({});
  });

  it("explains a missing name and occasion in plain words", () => {
    expect(errorsOf({ name: " ", occasion: "" })).toEqual({ name: "Tell us your name.", occasion: "Tell us what the gift is for." });
  });

  it("reads the budget as an amount and refuses words, nothing and absurd sums", () => {
    expect(errorsOf({ budget: "R1 250,50" })).toEqual({});
    expect(errorsOf({ budget: "lots" })).toEqual({ budget: "Enter your budget as an amount, e.g. 750." });
    expect(errorsOf({ budget: "0" })).toEqual({ budget: "Enter your budget as an amount, e.g. 750." });
    expect(errorsOf({ budget: "25000000" }).budget).toMatch(/up to 1 000 000/);
  });

  it("refuses a date in the past or one that does not exist, and accepts today", () => {
    expect(errorsOf({ neededBy: "2020-01-01" })).toEqual({ neededBy: "Choose a date from today on." });
    expect(errorsOf({ neededBy: "2099-02-30" })).toEqual({ neededBy: "Choose a date from the calendar." });
    expect(errorsOf({ neededBy: "next week" })).toEqual({ neededBy: "Choose a date from the calendar." });
    expect(errorsOf({ neededBy: todayIn("Africa/Johannesburg") })).toEqual({});
  });

  it("limits the length of every field", () => {
    const tooLong = Object.fromEntries(Object.entries(QUOTE_REQUEST_LIMITS).map(([field, max]) => [field, "x".repeat(max + 1)]));
    const errors = errorsOf(tooLong);
    for (const [field, max] of Object.entries(QUOTE_REQUEST_LIMITS)) {
      expect(errors[field], field).toBe(`Keep this to ${max} characters or fewer.`);
    }
  });
});

describe("todayIn", () => {
  it("gives the date in the business's time zone, not the server's", () => {
    // 22:30 UTC on 24 November is already 00:30 on the 25th in Johannesburg.
    expect(todayIn("Africa/Johannesburg", new Date("2026-11-24T22:30:00Z"))).toBe("2026-11-25");
    expect(todayIn("UTC", new Date("2026-11-24T22:30:00Z"))).toBe("2026-11-24");
  });
});

describe("whatsappConsentText", () => {
  it("names the business from configuration", () => {
    expect(whatsappConsentText("Snow Spoiled Gifts")).toBe("Snow Spoiled Gifts may contact me on WhatsApp about this quote");
  });
});

describe("normalizePhone", () => {
  it("gives digits with the country code and no plus, the form Meta wants", () => {
    expect(normalizePhone("082 123 4567", "ZA")).toBe("27821234567");
    expect(normalizePhone("+27 (82) 123-4567", "ZA")).toBe("27821234567");
    expect(normalizePhone("0027 82 123 4567", "ZA")).toBe("27821234567");
    expect(normalizePhone("+44 7911 123456", "ZA")).toBe("447911123456");
    expect(normalizePhone("12345", "ZA")).toBeNull();
  });
});
