// The public quote action as the browser calls it: validation errors per field, the honeypot.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { EMPTY_QUOTE_REQUEST } from "@/lib/quotes/request-schema";

let forwardedFor = "192.0.2.1";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": forwardedFor }) }));

const { submitQuoteAction } = await import("./actions");

beforeEach(() => {
  forwardedFor = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
});

describe("submitQuoteAction", () => {
  it("returns the new quote's number", async () => {
    const result = await submitQuoteAction({ ...EMPTY_QUOTE_REQUEST, name: "Lerato", email: "lerato@example.com", occasion: "Wedding gift" });
    expect(result.data?.number).toMatch(/^Q-\d{4}-\d{4}$/);
  });

  it("returns every field error at once and stores nothing", async () => {
    const before = await db.quote.count();
    const result = await submitQuoteAction({ ...EMPTY_QUOTE_REQUEST, contactPreference: "whatsapp" });
    expect(Object.keys(result.validationErrors?.fieldErrors ?? {}).sort()).toEqual(["name", "occasion", "phone", "whatsappConsent"]);
    expect(await db.quote.count()).toBe(before);
  });

  it("rejects a filled honeypot with a plain message and stores nothing", async () => {
    const before = await db.customer.count();
    const result = await submitQuoteAction({ ...EMPTY_QUOTE_REQUEST, name: "Bot", email: "bot@example.com", occasion: "spam spam", website: "http://spam.example" });
    expect(result.serverError).toBe("We could not accept this request. Please try again, or contact us directly.");
    expect(await db.customer.count()).toBe(before);
  });
});
