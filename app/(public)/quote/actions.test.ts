// The public quote action as the browser calls it: the result shape the form reads, field
// errors, the honeypot, and the per-IP limit keyed on the connection's address, which `npm start`'s
// server writes into the request headers (lib/peer-address.ts).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { PEER_ADDRESS_HEADER } from "@/lib/peer-address";
import { EMPTY_QUOTE_REQUEST } from "@/lib/quotes/request-schema";

let peerAddress = "";
let forwardedFor = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [PEER_ADDRESS_HEADER]: peerAddress, "x-forwarded-for": forwardedFor }) }));

const { submitQuoteAction } = await import("./actions");

let ipCounter = 0;
beforeEach(() => {
  peerAddress = `192.0.2.${++ipCounter}`;
  forwardedFor = peerAddress;
});

const valid = { ...EMPTY_QUOTE_REQUEST, name: "Lerato", email: "lerato@example.com", occasion: "Wedding gift" };

describe("submitQuoteAction", () => {
  it("returns the new quote's number, and nothing else", async () => {
    const result = await submitQuoteAction(valid);
    expect(result.data).toEqual({ number: expect.stringMatching(/^Q-\d{4}-\d{4}$/) });
    expect(await db.quote.count({ where: { number: result.data!.number } })).toBe(1);
  });

  it("returns every field error at once, in plain words, and stores nothing", async () => {
    const before = await db.quote.count();
    const result = await submitQuoteAction({ ...EMPTY_QUOTE_REQUEST, contactPreference: "whatsapp", phone: "12345" });
    expect(result.validationErrors?.fieldErrors).toEqual({
      name: ["Tell us your name."],
      occasion: ["Tell us what the gift is for."],
      phone: ["Enter a valid phone number, e.g. 082 123 4567 or +27 82 123 4567."],
      whatsappConsent: ["Tick the box to let us contact you on WhatsApp, or choose email."],
    });
    expect(await db.quote.count()).toBe(before);
  });

  it("rejects a filled honeypot with a plain message and stores nothing", async () => {
    const before = await db.customer.count();
    const result = await submitQuoteAction({ ...valid, email: "bot@example.com", website: "http://spam.example" });
    expect(result.serverError).toBe("We could not accept this request. Please try again, or contact us directly.");
    expect(result.data).toBeUndefined();
    expect(await db.customer.count()).toBe(before);
  });

  it("refuses the sixth request from one address with a message that says when to try again", async () => {
    for (let index = 0; index < 5; index++) {
      expect((await submitQuoteAction({ ...valid, email: `often${index}@example.com` })).data).toBeDefined();
    }
    const before = await db.quote.count();
    const result = await submitQuoteAction({ ...valid, email: "often5@example.com" });
    expect(result.serverError).toMatch(/^We have received several requests from your connection\. Please try again in \d+ minutes?/);
    expect(await db.quote.count()).toBe(before);
  });

  it("keys the limit on the connection's address, whatever X-Forwarded-For the client made up", async () => {
    for (let index = 0; index < 5; index++) {
      forwardedFor = `203.0.113.${index}`;
      expect((await submitQuoteAction({ ...valid, email: `hops${index}@example.com` })).data).toBeDefined();
    }
    forwardedFor = "198.51.100.7";
    expect((await submitQuoteAction({ ...valid, email: "hops5@example.com" })).serverError).toMatch(/try again in/);
  });
});
