// The contact preference and consent commands against a real (per-file) SQLite database.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  changeContactPreference,
  recordWhatsAppConsent,
  withdrawWhatsAppConsent,
  ZRecordWhatsAppConsentSchema,
  ZWithdrawWhatsAppConsentSchema,
} from "@/lib/customers/preference";
import { makeAdmin, makeCustomer } from "@/test/factories";

const customerRow = (id: string) => db.customer.findUniqueOrThrow({ where: { id } });
const events = (customerId: string) => db.consentEvent.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } });

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return { code: (error as AppError).code, message: (error as AppError).message };
}

const NOW = new Date("2026-06-01T10:00:00Z");

// Consent changes name the admin who made them, a real one.
let adminId: string;
beforeAll(async () => {
  adminId = (await makeAdmin({ email: "consent-admin@example.com" })).id;
});

describe("changeContactPreference", () => {
  it("switches to WhatsApp before consent, saying messages go by email until it is recorded", async () => {
    const admin = await makeAdmin();
    const customer = await makeCustomer({ contactPreference: "email" });
    const result = await changeContactPreference({ customerId: customer.id, preference: "whatsapp", expectedPreference: "email" }, admin.id);
    expect(result).toEqual({ preference: "whatsapp", changed: true, fallbackReason: "Messages go by email until the customer’s WhatsApp consent is recorded." });
    expect((await customerRow(customer.id)).contactPreference).toBe("whatsapp");
    // A preference is not consent: nothing is written to the consent history.
    expect(await events(customer.id)).toEqual([]);
  });

  it("has nothing to warn about for a customer who consented", async () => {
    const customer = await makeCustomer({ contactPreference: "email", whatsappConsentAt: NOW, whatsappConsentSource: "quote-form" });
    expect(await changeContactPreference({ customerId: customer.id, preference: "whatsapp" }, "admin")).toMatchObject({ changed: true, fallbackReason: null });
    expect(await changeContactPreference({ customerId: customer.id, preference: "email", expectedPreference: "whatsapp" }, "admin")).toEqual({
      preference: "email",
      changed: true,
      fallbackReason: null,
    });
    expect((await customerRow(customer.id)).contactPreference).toBe("email");
  });

  it("leaves an unchanged preference alone", async () => {
    const customer = await makeCustomer({ contactPreference: "email" });
    expect(await changeContactPreference({ customerId: customer.id, preference: "email" }, "admin")).toEqual({ preference: "email", changed: false, fallbackReason: null });
  });

  it("refuses WhatsApp without a phone number and email without an address", async () => {
    const noPhone = await makeCustomer({ contactPreference: "email", phone: null });
    expect(await refusal(changeContactPreference({ customerId: noPhone.id, preference: "whatsapp" }, "admin"))).toEqual({
      code: "invalid_input",
      message: "This customer has no phone number, so WhatsApp cannot be their preference. Keep email, or ask them for a number first.",
    });
    expect((await customerRow(noPhone.id)).contactPreference).toBe("email");

    const noEmail = await makeCustomer({ contactPreference: "whatsapp", email: null });
    expect((await refusal(changeContactPreference({ customerId: noEmail.id, preference: "email" }, "admin"))).message).toMatch(/no email address/);
    expect((await customerRow(noEmail.id)).contactPreference).toBe("whatsapp");
  });

  it("refuses a change made on a stale page, naming what it is now", async () => {
    const customer = await makeCustomer({ contactPreference: "whatsapp" });
    expect(await refusal(changeContactPreference({ customerId: customer.id, preference: "whatsapp", expectedPreference: "email" }, "admin"))).toEqual({
      code: "conflict",
      message: "This customer’s preference was changed while you were looking at it: it is WhatsApp now. Reload the page and check before you try again.",
    });
  });

  it("lets exactly one of two admins acting at once win", async () => {
    const customer = await makeCustomer({ contactPreference: "email" });
    const results = await Promise.allSettled([
      changeContactPreference({ customerId: customer.id, preference: "whatsapp", expectedPreference: "email" }, "a"),
      changeContactPreference({ customerId: customer.id, preference: "whatsapp", expectedPreference: "email" }, "b"),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("says so when the customer is gone", async () => {
    expect(await refusal(changeContactPreference({ customerId: "gone", preference: "email" }, "admin"))).toEqual({
      code: "not_found",
      message: "This customer no longer exists.",
    });
  });
});

describe("recordWhatsAppConsent", () => {
  it("records consent given by phone, with the admin as source and how as the evidence", async () => {
    const customer = await makeCustomer({ contactPreference: "email" });
    expect(await recordWhatsAppConsent({ customerId: customer.id, how: "Said yes on a call" }, adminId, NOW)).toEqual({ consentAt: NOW });
    expect(await customerRow(customer.id)).toMatchObject({ whatsappConsentAt: NOW, whatsappConsentSource: "admin", whatsappOptedOutAt: null });
    expect(await events(customer.id)).toEqual([
      expect.objectContaining({ channel: "whatsapp", action: "granted", source: "admin", text: "Said yes on a call", actorId: adminId, createdAt: NOW }),
    ]);
  });

  it("clears an earlier withdrawal", async () => {
    const customer = await makeCustomer({ whatsappConsentAt: new Date("2026-01-01"), whatsappOptedOutAt: new Date("2026-02-01") });
    await recordWhatsAppConsent({ customerId: customer.id, how: "Asked to be added back" }, adminId, NOW);
    expect(await customerRow(customer.id)).toMatchObject({ whatsappConsentAt: NOW, whatsappOptedOutAt: null });
  });

  it("refuses a customer without a phone number, and a consent already on record, changing nothing", async () => {
    const noPhone = await makeCustomer({ contactPreference: "email", phone: null });
    expect(await refusal(recordWhatsAppConsent({ customerId: noPhone.id, how: "On the phone" }, adminId))).toEqual({
      code: "invalid_input",
      message: "This customer has no phone number, so they cannot be messaged on WhatsApp. Ask them for a number before recording consent.",
    });
    expect((await customerRow(noPhone.id)).whatsappConsentAt).toBeNull();

    const consented = await makeCustomer({ whatsappConsentAt: NOW, whatsappConsentSource: "quote-form" });
    expect((await refusal(recordWhatsAppConsent({ customerId: consented.id, how: "Again" }, adminId))).code).toBe("conflict");
    expect(await customerRow(consented.id)).toMatchObject({ whatsappConsentSource: "quote-form" });
    expect(await events(noPhone.id)).toEqual([]);
    expect(await events(consented.id)).toEqual([]);
  });

  it("writes one consent event when the same form is sent twice at once", async () => {
    const customer = await makeCustomer({ contactPreference: "email" });
    const input = { customerId: customer.id, how: "Said yes on a call" };
    const results = await Promise.allSettled([recordWhatsAppConsent(input, adminId), recordWhatsAppConsent(input, adminId)]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await events(customer.id)).toHaveLength(1);
  });
});

describe("withdrawWhatsAppConsent", () => {
  it("marks the customer opted out and writes the withdrawal with its note", async () => {
    const customer = await makeCustomer({ whatsappConsentAt: new Date("2026-01-01"), whatsappConsentSource: "quote-form" });
    expect(await withdrawWhatsAppConsent({ customerId: customer.id, note: "Asked us to stop" }, adminId, NOW)).toEqual({ optedOutAt: NOW });
    // The consent stays as history; the opt-out is what stops WhatsApp messages.
    expect(await customerRow(customer.id)).toMatchObject({ whatsappOptedOutAt: NOW, whatsappConsentAt: new Date("2026-01-01") });
    expect(await events(customer.id)).toEqual([
      expect.objectContaining({ channel: "whatsapp", action: "withdrawn", source: "admin", text: "Asked us to stop", actorId: adminId, createdAt: NOW }),
    ]);
  });

  it("records a withdrawal without an earlier consent, and refuses a second one", async () => {
    const customer = await makeCustomer({ contactPreference: "email" });
    await withdrawWhatsAppConsent({ customerId: customer.id }, adminId, NOW);
    expect((await events(customer.id))[0]).toMatchObject({ action: "withdrawn", text: null });
    expect(await refusal(withdrawWhatsAppConsent({ customerId: customer.id }, adminId))).toEqual({
      code: "conflict",
      message: "This customer has already withdrawn WhatsApp consent. Reload the page to see it.",
    });
    expect(await events(customer.id)).toHaveLength(1);
  });
});

describe("consent schemas", () => {
  it("asks for how the customer agreed, in words", () => {
    const result = ZRecordWhatsAppConsentSchema.safeParse({ customerId: "c1", how: "  ok " });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Say how the customer agreed, for example “Said yes on a phone call”.");
    expect(ZRecordWhatsAppConsentSchema.parse({ customerId: "c1", how: "  Said yes by phone " }).how).toBe("Said yes by phone");
  });

  it("treats a blank withdrawal note as none", () => {
    expect(ZWithdrawWhatsAppConsentSchema.parse({ customerId: "c1", note: "   " })).toEqual({ customerId: "c1", note: undefined });
    expect(ZWithdrawWhatsAppConsentSchema.safeParse({ customerId: "c1", note: "x".repeat(501) }).success).toBe(false);
  });
});
