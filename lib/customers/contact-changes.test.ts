// An admin's contact changes against a real (per-file) SQLite database: offers applied and
// ignored, details edited, uniqueness kept, everything in the customer's history with who did it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { editCustomerDetails, mergeCustomersByAdmin, resolveContactOffer } from "@/lib/customers/contact-changes";
import { verifyEmailByLink, emailProof } from "@/lib/customers/email-proof";
import { submitQuoteRequest } from "@/lib/quotes/create-quote";
import { EMPTY_QUOTE_REQUEST } from "@/lib/quotes/request-schema";
import { makeAdmin, makeCustomer, makeQuote } from "@/test/factories";

let ipCounter = 0;
const submit = (input: Partial<typeof EMPTY_QUOTE_REQUEST>) =>
  submitQuoteRequest({ ...EMPTY_QUOTE_REQUEST, name: "Ann Mokoena", occasion: "Birthday hamper", ...input }, { ip: `10.7.0.${++ipCounter}` });

const offersOf = (quoteId: string) => db.contactOffer.findMany({ where: { quoteId }, orderBy: { field: "asc" } });
const historyOf = (customerId: string) => db.customerEvent.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } });

describe("contact offers", () => {
  it("applies an offered phone: the customer and the quotes that used the old number follow, attributed to the admin", async () => {
    const admin = await makeAdmin({ name: "Owner Olga" });
    const first = await submit({ email: "ann@example.com", phone: "082 100 0001" });
    const again = await submit({ email: "ann@example.com", phone: "082 100 0002" });
    const [offer] = await offersOf(again.quoteId);
    expect(offer).toMatchObject({ field: "phone", value: "27821000002", status: "open" });

    const { customerId } = await resolveContactOffer({ offerId: offer!.id, decision: "apply" }, admin.id);
    expect(await db.customer.findUniqueOrThrow({ where: { id: customerId } })).toMatchObject({ phone: "27821000002", phoneVerifiedAt: null });
    expect((await db.quote.findUniqueOrThrow({ where: { id: first.quoteId } })).contactPhone).toBe("27821000002");
    expect(await db.contactOffer.findUniqueOrThrow({ where: { id: offer!.id } })).toMatchObject({ status: "applied", resolvedById: admin.id });
    expect(await historyOf(customerId)).toMatchObject([
      { kind: "offer_applied", field: "phone", fromValue: "27821000001", toValue: "27821000002", quoteId: again.quoteId, actorId: admin.id },
    ]);
    // Deciding twice is refused with what happened.
    await expect(resolveContactOffer({ offerId: offer!.id, decision: "ignore" }, admin.id)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("already applied") });
  });

  it("ignores an offered name and keeps the record as it was", async () => {
    const admin = await makeAdmin();
    await submit({ name: "Thabo Nkosi", email: "thabo@example.com" });
    const again = await submit({ name: "Someone Else", email: "thabo@example.com" });
    const [offer] = await offersOf(again.quoteId);
    const { customerId } = await resolveContactOffer({ offerId: offer!.id, decision: "ignore" }, admin.id);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customerId } })).name).toBe("Thabo Nkosi");
    expect(await historyOf(customerId)).toMatchObject([{ kind: "offer_ignored", field: "name", toValue: "Someone Else", actorId: admin.id }]);
  });
});

describe("editCustomerDetails", () => {
  it("saves name, email and phone, normalised, and records each change", async () => {
    const admin = await makeAdmin();
    const customer = await makeCustomer({ name: "Lerato", email: "lerato@example.com", phone: "27820005555", contactPreference: "email" });
    const result = await editCustomerDetails({ customerId: customer.id, name: "Lerato Khumalo", email: "Lerato.K@Example.com", phone: "082 000 5556" }, admin.id);
    expect(result.changed).toEqual(["name", "email", "phone"]);
    expect(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ name: "Lerato Khumalo", email: "lerato.k@example.com", phone: "27820005556" });
    expect((await historyOf(customer.id)).map((event) => [event.field, event.fromValue, event.toValue, event.actorId])).toEqual([
      ["name", "Lerato", "Lerato Khumalo", admin.id],
      ["email", "lerato@example.com", "lerato.k@example.com", admin.id],
      ["phone", "27820005555", "27820005556", admin.id],
    ]);
  });

  it("refuses an email another customer holds, says to merge, and changes nothing", async () => {
    const admin = await makeAdmin();
    await makeCustomer({ name: "Holder", email: "taken@example.com" });
    const customer = await makeCustomer({ name: "Sipho", email: "sipho@example.com" });
    await expect(editCustomerDetails({ customerId: customer.id, name: "Sipho Renamed", email: "taken@example.com", phone: `+${customer.phone}` }, admin.id)).rejects.toMatchObject({
      code: "conflict",
      message: "Holder already has the email taken@example.com. If they are the same person, merge the two customers instead.",
    });
    expect(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ name: "Sipho", email: "sipho@example.com" });
  });

  it("refuses an invalid phone number and leaving no way to reach the customer", async () => {
    const admin = await makeAdmin();
    const customer = await makeCustomer({ contactPreference: "whatsapp" });
    await expect(editCustomerDetails({ customerId: customer.id, name: "X Y", email: "", phone: "123" }, admin.id)).rejects.toMatchObject({ code: "invalid_input" });
    await expect(editCustomerDetails({ customerId: customer.id, name: "X Y", email: "", phone: "" }, admin.id)).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("mergeCustomersByAdmin", () => {
  it("records the admin who merged", async () => {
    const admin = await makeAdmin();
    const keep = await makeCustomer();
    const other = await makeCustomer();
    await makeQuote({ customerId: other.id });
    await mergeCustomersByAdmin({ keepId: keep.id, mergeId: other.id }, admin.id);
    expect(await historyOf(keep.id)).toMatchObject([{ kind: "merged", actorId: admin.id }]);
    expect(await db.quote.count({ where: { customerId: keep.id } })).toBe(1);
  });
});

describe("verifyEmailByLink", () => {
  it("marks the address verified on the quote and on the customer when the proof matches, once", async () => {
    const quote = await makeQuote({ email: "proof@example.com", contactPreference: "email" });
    expect(await verifyEmailByLink(quote.id, "wrong-proof-wrong-proof")).toBe(false);
    expect((await db.customer.findUniqueOrThrow({ where: { id: quote.customerId } })).emailVerifiedAt).toBeNull();

    expect(await verifyEmailByLink(quote.id, emailProof(quote.id, "proof@example.com"))).toBe(true);
    expect(await verifyEmailByLink(quote.id, emailProof(quote.id, "proof@example.com"))).toBe(true);
    expect((await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).emailVerifiedAt).toBeInstanceOf(Date);
    expect((await db.customer.findUniqueOrThrow({ where: { id: quote.customerId } })).emailVerifiedAt).toBeInstanceOf(Date);
    expect(await historyOf(quote.customerId)).toMatchObject([{ kind: "verified", field: "email", toValue: "proof@example.com" }]);
  });

  it("does not verify the customer's address with a link sent to another one", async () => {
    const customer = await makeCustomer({ email: "real@example.com" });
    const stranger = await submit({ name: "Mallory", email: "real@example.com" });
    // The stranger's quote carries the customer's address; a proof for another address fails.
    expect(await verifyEmailByLink(stranger.quoteId, emailProof(stranger.quoteId, "mallory@example.com"))).toBe(false);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).emailVerifiedAt).toBeNull();
  });
});
