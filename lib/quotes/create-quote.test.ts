// Quote requests against a real database file: customers found or created, consent kept,
// numbers in sequence, the spam checks, and nothing half stored when something fails.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { insertSql, rawSql } from "@/lib/raw-sql";
import { EMPTY_QUOTE_REQUEST, type TQuoteRequest } from "@/lib/quotes/request-schema";
import { SPAM_REJECTION_MESSAGE, submitQuoteRequest } from "@/lib/quotes/create-quote";

let ipCounter = 0;
const ip = () => `10.0.0.${++ipCounter}`;
const request = (input: Partial<TQuoteRequest>): TQuoteRequest => ({ ...EMPTY_QUOTE_REQUEST, name: "Ann Mokoena", occasion: "Birthday hamper", ...input });
const onWhatsApp = (phone: string, input: Partial<TQuoteRequest> = {}) => request({ contactPreference: "whatsapp", phone, whatsappConsent: true, ...input });
const customerOf = async (quoteId: string) => (await db.quote.findUniqueOrThrow({ where: { id: quoteId }, include: { customer: true } })).customer;
const firstNote = async (quoteId: string) => (await db.quoteStatusEvent.findFirstOrThrow({ where: { quoteId } })).note;

describe("submitQuoteRequest", () => {
  it("creates the customer, the quote and its first timeline entry", async () => {
    const { quoteId, number } = await submitQuoteRequest(
      request({ email: "Ann@Example.com", phone: "082 123 4567", budget: "1 250", neededBy: "2099-12-24", deliveryArea: "Claremont" }),
      { ip: ip() },
    );
    expect(number).toMatch(/^Q-\d{4}-\d{4}$/);
    const quote = await db.quote.findUniqueOrThrow({ where: { id: quoteId }, include: { customer: true, statusEvents: true } });
    expect(quote).toMatchObject({ number, status: "new", occasion: "Birthday hamper", budgetCents: 125_000, currency: "ZAR", neededBy: "2099-12-24", deliveryArea: "Claremont", notes: null });
    expect(quote.customer).toMatchObject({ name: "Ann Mokoena", email: "ann@example.com", phone: "27821234567", contactPreference: "email", whatsappConsentAt: null });
    expect(quote.searchText).toBe(`${number.toLowerCase()} ann mokoena ann@example.com 27821234567 birthday hamper claremont`);
    expect(quote.statusEvents).toMatchObject([{ fromStatus: null, toStatus: "new", note: "Requested on the website." }]);
    expect(await db.consentEvent.count({ where: { customerId: quote.customerId } })).toBe(0);
  });

  it("stores WhatsApp consent with its time and source, and a consent history entry", async () => {
    const now = new Date("2026-11-25T08:00:00Z");
    const { quoteId } = await submitQuoteRequest(onWhatsApp("0831112222"), { ip: ip(), now });
    const customer = await db.customer.findFirstOrThrow({ where: { quotes: { some: { id: quoteId } } }, include: { consentEvents: true } });
    expect(customer).toMatchObject({ phone: "27831112222", email: null, contactPreference: "whatsapp", whatsappConsentAt: now, whatsappConsentSource: "quote-form" });
    expect(customer.consentEvents).toMatchObject([
      { channel: "whatsapp", action: "granted", source: "quote-form", text: "Snow Spoiled Gifts may contact me on WhatsApp about this quote", createdAt: now },
    ]);
  });

  it("never undoes an opt-out: consent on a later request stays on that quote, and WhatsApp stays refused", async () => {
    const first = await submitQuoteRequest(onWhatsApp("0831113333"), { ip: ip() });
    const customer = await customerOf(first.quoteId);
    const optedOutAt = new Date();
    await db.customer.update({ where: { id: customer.id }, data: { whatsappOptedOutAt: optedOutAt } });
    const again = await submitQuoteRequest(onWhatsApp("+27 83 111 3333"), { ip: ip() });
    expect(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ whatsappOptedOutAt: optedOutAt });
    expect(await db.consentEvent.count({ where: { customerId: customer.id } })).toBe(1);
    expect(await db.quote.findUniqueOrThrow({ where: { id: again.quoteId } })).toMatchObject({ contactPhone: "27831113333", whatsappConsentAt: expect.any(Date) });
  });

  it("finds the customer by email, whatever its case, and changes nothing on them: the new name and preference are offered", async () => {
    const first = await submitQuoteRequest(request({ email: "thabo@example.com", phone: "0841234567" }), { ip: ip() });
    const again = await submitQuoteRequest(onWhatsApp("0841234567", { name: "Thabo Nkosi", email: "THABO@example.com" }), { ip: ip() });
    const customer = await customerOf(again.quoteId);
    expect(customer.id).toBe((await customerOf(first.quoteId)).id);
    expect(customer).toMatchObject({ name: "Ann Mokoena", contactPreference: "email", phone: "27841234567", whatsappConsentAt: null });
    expect(await db.quote.findUniqueOrThrow({ where: { id: again.quoteId } })).toMatchObject({ contactName: "Thabo Nkosi", contactPreference: "whatsapp", contactEmail: "thabo@example.com" });
    const offers = await db.contactOffer.findMany({ where: { quoteId: again.quoteId }, orderBy: { field: "asc" } });
    expect(offers.map((offer) => [offer.field, offer.value, offer.status])).toEqual([
      ["contactPreference", "whatsapp", "open"],
      ["name", "Thabo Nkosi", "open"],
    ]);
    expect(await db.customer.count({ where: { email: "thabo@example.com" } })).toBe(1);
  });

  it("finds the customer by phone typed another way, and offers a new email instead of taking it", async () => {
    const first = await submitQuoteRequest(onWhatsApp("072 555 0101", { email: "lindi@example.com" }), { ip: ip() });
    const byPhone = await submitQuoteRequest(request({ email: "Lindi.New@Example.com", phone: "+27 (72) 555-0101" }), { ip: ip() });
    const customer = await customerOf(byPhone.quoteId);
    expect(customer.id).toBe((await customerOf(first.quoteId)).id);
    expect(customer).toMatchObject({ email: "lindi@example.com", contactPreference: "whatsapp" });
    expect(await db.contactOffer.findMany({ where: { quoteId: byPhone.quoteId, field: "email" } })).toMatchObject([{ value: "lindi.new@example.com" }]);
    expect(await firstNote(byPhone.quoteId)).toContain("Matched to the existing customer Ann Mokoena by phone number; their record was not changed.");
  });

  it("when the email is one customer's and the phone another's, follows the chosen channel and moves nothing", async () => {
    const emailOwner = await customerOf((await submitQuoteRequest(request({ name: "Sipho", email: "sipho@example.com" }), { ip: ip() })).quoteId);
    const phoneOwner = await customerOf((await submitQuoteRequest(onWhatsApp("0610000001", { name: "Zanele" }), { ip: ip() })).quoteId);

    const byEmail = await submitQuoteRequest(request({ name: "Sipho", email: "sipho@example.com", phone: "061 000 0001" }), { ip: ip() });
    expect((await customerOf(byEmail.quoteId)).id).toBe(emailOwner.id);
    expect(await firstNote(byEmail.quoteId)).toContain("The phone number +27610000001 on this request belongs to another customer, Zanele.");

    const byPhone = await submitQuoteRequest(onWhatsApp("061 000 0001", { name: "Zanele", email: "sipho@example.com" }), { ip: ip() });
    expect((await customerOf(byPhone.quoteId)).id).toBe(phoneOwner.id);
    expect(await firstNote(byPhone.quoteId)).toContain("The email sipho@example.com on this request belongs to another customer, Sipho");
    // Details another customer holds are not offered: applying one would break uniqueness.
    expect(await db.contactOffer.count({ where: { quoteId: { in: [byEmail.quoteId, byPhone.quoteId] }, field: { in: ["email", "phone"] } } })).toBe(0);

    expect(await db.customer.findUniqueOrThrow({ where: { id: emailOwner.id } })).toMatchObject({ email: "sipho@example.com", phone: null, whatsappConsentAt: null });
    expect(await db.customer.findUniqueOrThrow({ where: { id: phoneOwner.id } })).toMatchObject({ email: null, phone: "27610000001" });
  });

  it("numbers quotes in sequence per year, also when many arrive at once", async () => {
    const at = (iso: string) => ({ ip: ip(), now: new Date(iso) });
    expect((await submitQuoteRequest(request({ email: "y1@example.com" }), at("2040-06-01T10:00:00Z"))).number).toBe("Q-2040-0001");
    expect((await submitQuoteRequest(request({ email: "y2@example.com" }), at("2040-12-31T21:59:00Z"))).number).toBe("Q-2040-0002");
    // 22:00 UTC on 31 December is already New Year in Johannesburg.
    expect((await submitQuoteRequest(request({ email: "y3@example.com" }), at("2040-12-31T22:00:00Z"))).number).toBe("Q-2041-0001");

    const burst = await Promise.all(Array.from({ length: 30 }, (_, index) => submitQuoteRequest(request({ email: `burst${index}@example.com` }), at("2042-03-01T10:00:00Z"))));
    expect(burst.map((result) => Number(result.number.split("-")[2])).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
  });

  it("refuses the sixth request from one IP in the window, says when to try again, and stores nothing for it", async () => {
    const address = ip();
    for (let index = 0; index < 5; index++) await submitQuoteRequest(request({ email: `limit${index}@example.com` }), { ip: address });
    const before = { quotes: await db.quote.count(), customers: await db.customer.count() };
    const refused = submitQuoteRequest(request({ email: "limit5@example.com" }), { ip: address });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: "rate_limited", message: expect.stringMatching(/try again in \d+ minutes?/) });
    expect({ quotes: await db.quote.count(), customers: await db.customer.count() }).toEqual(before);
    // Other addresses are not affected.
    await expect(submitQuoteRequest(request({ email: "limit6@example.com" }), { ip: ip() })).resolves.toBeDefined();
  });

  it("rejects a filled honeypot with a plain message and stores nothing", async () => {
    const before = await db.customer.count();
    await expect(submitQuoteRequest(request({ email: "bot@example.com", website: "https://spam.example" }), { ip: ip() })).rejects.toMatchObject({
      code: "invalid_input",
      message: SPAM_REJECTION_MESSAGE,
    });
    expect(await db.customer.count()).toBe(before);
  });

  it("checks the input itself, whoever calls it", async () => {
    await expect(submitQuoteRequest(request({ contactPreference: "whatsapp", phone: "0820000009" }), { ip: ip() })).rejects.toMatchObject({
      code: "invalid_input",
      message: "Tick the box to let us contact you on WhatsApp, or choose email.",
    });
    expect(await db.customer.count({ where: { phone: "27820000009" } })).toBe(0);
  });

  it("leaves nothing behind when the quote cannot be stored after the customer was", async () => {
    // A quote already holds the number this request will be given, so the quote insert fails
    // after the customer, the consent entry and the counter were written.
    const squatter = await db.customer.create({ data: { name: "Earlier", email: "earlier@example.com" } });
    await db.quote.create({ data: { number: "Q-2050-0001", customerId: squatter.id, contactName: "Earlier", occasion: "x", currency: "ZAR", searchText: "q-2050-0001" } });

    const attempt = submitQuoteRequest(onWhatsApp("0829990000", { email: "half@example.com" }), { ip: ip(), now: new Date("2050-05-05T10:00:00Z") });
    await expect(attempt).rejects.toThrow();
    expect(await db.customer.count({ where: { OR: [{ email: "half@example.com" }, { phone: "27829990000" }] } })).toBe(0);
    expect(await db.consentEvent.count({ where: { customer: { email: "half@example.com" } } })).toBe(0);
    expect(await db.sequence.findUnique({ where: { name: "Q-2050" } })).toBeNull();
  });

  it("tries once more when a simultaneous request created the same customer first", async () => {
    const firstTry = vi.spyOn(rawSql, "transaction").mockImplementationOnce(async () => {
      // What the other request did between this one's lookup and its insert, and the unique
      // index refusing this one's insert of the same email (the real error, from the database).
      const other = { name: "Race", email: "race@example.com", contactPreference: "email", createdAt: new Date(), updatedAt: new Date() };
      await rawSql.execute(insertSql("Customer", { id: "race-1", ...other }));
      await rawSql.execute(insertSql("Customer", { id: "race-2", ...other }));
      throw new Error("the second insert should have been refused");
    });
    try {
      const { quoteId } = await submitQuoteRequest(request({ email: "race@example.com" }), { ip: ip() });
      expect(firstTry).toHaveBeenCalledTimes(2);
      expect(await customerOf(quoteId)).toMatchObject({ id: "race-1", email: "race@example.com" });
      expect(await db.customer.count({ where: { email: "race@example.com" } })).toBe(1);
    } finally {
      firstTry.mockRestore();
    }
  });
});
