// Quote requests against a real database file: customers found or created, consent kept,
// numbers in sequence, the per-IP limit, and nothing half stored when something fails.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { EMPTY_QUOTE_REQUEST, type TQuoteRequest } from "@/lib/quotes/request-schema";
import { submitQuoteRequest } from "@/lib/quotes/create-quote";

let ipCounter = 0;
const ip = () => `10.0.0.${++ipCounter}`;
const request = (input: Partial<TQuoteRequest>): TQuoteRequest => ({ ...EMPTY_QUOTE_REQUEST, name: "Ann Mokoena", occasion: "Birthday hamper", ...input });

describe("submitQuoteRequest", () => {
  it("creates the customer, the quote and its first timeline entry", async () => {
    const { quoteId, number } = await submitQuoteRequest(
      request({ email: "Ann@Example.com", phone: "082 123 4567", budget: "1 250", neededBy: "2099-12-24", deliveryArea: "Claremont" }),
      { ip: ip() },
    );
    expect(number).toMatch(/^Q-\d{4}-\d{4}$/);
    const quote = await db.quote.findUniqueOrThrow({ where: { id: quoteId }, include: { customer: true, statusEvents: true } });
    expect(quote).toMatchObject({ status: "new", budgetCents: 125_000, currency: "ZAR", neededBy: "2099-12-24", deliveryArea: "Claremont" });
    expect(quote.customer).toMatchObject({ email: "ann@example.com", phone: "27821234567", contactPreference: "email", whatsappConsentAt: null });
    expect(quote.searchText).toBe(`${number.toLowerCase()} ann mokoena ann@example.com 27821234567`);
    expect(quote.statusEvents.map((event) => event.toStatus)).toEqual(["new"]);
  });

  it("stores WhatsApp consent with its time and source, and a consent history entry", async () => {
    const now = new Date("2026-11-25T08:00:00Z");
    const { quoteId } = await submitQuoteRequest(request({ contactPreference: "whatsapp", phone: "0831112222", whatsappConsent: true }), { ip: ip(), now });
    const quote = await db.quote.findUniqueOrThrow({ where: { id: quoteId }, include: { customer: { include: { consentEvents: true } } } });
    expect(quote.customer).toMatchObject({ phone: "27831112222", email: null, contactPreference: "whatsapp", whatsappConsentAt: now, whatsappConsentSource: "quote-form" });
    expect(quote.customer.consentEvents).toMatchObject([{ channel: "whatsapp", action: "granted", source: "quote-form" }]);
    expect(quote.customer.consentEvents[0]!.text).toContain("may contact me on WhatsApp");
  });

  it("finds the customer by email first, then by phone", async () => {
    const first = await submitQuoteRequest(request({ email: "thabo@example.com", phone: "0841234567" }), { ip: ip() });
    const byEmail = await submitQuoteRequest(request({ name: "Thabo N.", email: "THABO@example.com" }), { ip: ip() });
    const byPhone = await submitQuoteRequest(request({ email: "", phone: "+27 84 123 4567", contactPreference: "whatsapp", whatsappConsent: true }), { ip: ip() });
    const customers = await db.quote.findMany({ where: { id: { in: [first.quoteId, byEmail.quoteId, byPhone.quoteId] } }, select: { customerId: true } });
    expect(new Set(customers.map((row) => row.customerId)).size).toBe(1);
    const customer = await db.customer.findUniqueOrThrow({ where: { email: "thabo@example.com" } });
    expect(customer.contactPreference).toBe("whatsapp");
  });

  it("numbers quotes in sequence, also when many arrive at once", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, index) => submitQuoteRequest(request({ email: `burst${index}@example.com` }), { ip: ip() })));
    const sequence = results.map((result) => Number(result.number.split("-")[2])).sort((a, b) => a - b);
    expect(new Set(sequence).size).toBe(30);
    expect(sequence.at(-1)! - sequence[0]!).toBe(29);
  });

  it("refuses the sixth request from one IP in the window and stores nothing for it", async () => {
    const address = ip();
    for (let index = 0; index < 5; index++) await submitQuoteRequest(request({ email: `limit${index}@example.com` }), { ip: address });
    const before = await db.quote.count();
    await expect(submitQuoteRequest(request({ email: "limit5@example.com" }), { ip: address })).rejects.toThrow(/try again in \d+ minutes?/);
    expect(await db.quote.count()).toBe(before);
    expect(await db.customer.count({ where: { email: "limit5@example.com" } })).toBe(0);
  });

  it("leaves no customer behind when the quote cannot be stored", async () => {
    const spy = vi.spyOn(db, "$transaction").mockImplementationOnce(async (fn: unknown) =>
      db.$transaction(async (tx) => {
        await (fn as (t: typeof tx) => Promise<unknown>)({ ...tx, quote: { ...tx.quote, create: () => Promise.reject(new Error("disk full")) } } as unknown as typeof tx);
      }),
    );
    await expect(submitQuoteRequest(request({ email: "half@example.com" }), { ip: ip() })).rejects.toThrow("disk full");
    spy.mockRestore();
    expect(await db.customer.count({ where: { email: "half@example.com" } })).toBe(0);
  });
});
