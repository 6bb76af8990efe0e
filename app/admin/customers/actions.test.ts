// Server actions are public endpoints: each must check the session itself.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { TAdmin } from "@/lib/auth/session";
import { makeCustomer, makeSignedInAdmin } from "@/test/factories";

let signedIn: TAdmin | null = null;
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => signedIn, requireAdmin: async () => signedIn }));
const revalidatePath = vi.fn();
vi.mock("next/cache", () => ({ revalidatePath: (...args: unknown[]) => revalidatePath(...args) }));

const { changeContactPreferenceAction, recordWhatsAppConsentAction, withdrawWhatsAppConsentAction } = await import("./actions");

const SIGNED_OUT = "Your session has ended. Sign in again to continue.";

beforeEach(() => {
  signedIn = null;
  revalidatePath.mockClear();
});

describe("customer actions, signed out", () => {
  it("refuse an anonymous caller before reading the input, and change nothing", async () => {
    const customer = await makeCustomer({ contactPreference: "email" });
    expect(await changeContactPreferenceAction({ customerId: customer.id, preference: "whatsapp" })).toEqual({ serverError: SIGNED_OUT });
    expect(await recordWhatsAppConsentAction({ customerId: customer.id, how: "" })).toEqual({ serverError: SIGNED_OUT });
    expect(await withdrawWhatsAppConsentAction({ customerId: customer.id })).toEqual({ serverError: SIGNED_OUT });
    expect(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ contactPreference: "email", whatsappConsentAt: null, whatsappOptedOutAt: null });
    expect(await db.consentEvent.count({ where: { customerId: customer.id } })).toBe(0);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});

describe("customer actions, signed in", () => {
  beforeEach(async () => {
    signedIn = await makeSignedInAdmin();
  });

  it("change the preference, say when messages still go by email, and refresh the admin pages", async () => {
    const customer = await makeCustomer({ contactPreference: "email" });
    expect(await changeContactPreferenceAction({ customerId: customer.id, preference: "whatsapp", expectedPreference: "email" })).toEqual({
      data: { preference: "whatsapp", changed: true, fallbackReason: "Messages go by email until the customer’s WhatsApp consent is recorded." },
    });
    expect(revalidatePath).toHaveBeenCalledWith("/admin", "layout");
  });

  it("record and withdraw consent", async () => {
    const customer = await makeCustomer({ contactPreference: "email" });
    const recorded = await recordWhatsAppConsentAction({ customerId: customer.id, how: "Said yes on a call" });
    expect(recorded.data?.consentAt).toEqual(expect.any(String));
    const withdrawn = await withdrawWhatsAppConsentAction({ customerId: customer.id, note: "Changed their mind" });
    expect(withdrawn.data?.optedOutAt).toEqual(expect.any(String));
    const history = await db.consentEvent.findMany({ where: { customerId: customer.id }, orderBy: { createdAt: "asc" } });
    expect(history.map((event) => [event.action, event.source, event.text])).toEqual([
      ["granted", "admin", "Said yes on a call"],
      ["withdrawn", "admin", "Changed their mind"],
    ]);
  });

  it("return field errors in plain words and refusals as sentences", async () => {
    const customer = await makeCustomer({ contactPreference: "email", phone: null });
    const invalid = await recordWhatsAppConsentAction({ customerId: customer.id, how: "" });
    expect(invalid.validationErrors?.fieldErrors).toEqual({ how: ["Say how the customer agreed, for example “Said yes on a phone call”."] });
    expect(await changeContactPreferenceAction({ customerId: customer.id, preference: "whatsapp" })).toEqual({
      serverError: "This customer has no phone number, so WhatsApp cannot be their preference. Keep email, or ask them for a number first.",
    });
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});
