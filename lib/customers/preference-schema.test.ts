import { describe, expect, it } from "vitest";
import { consentSourceLabel, whatsappConsentState, whatsappFallbackReason } from "@/lib/customers/preference-schema";

const JAN = new Date("2026-01-01T08:00:00Z");
const FEB = new Date("2026-02-01T08:00:00Z");
const customer = (overrides: Partial<Parameters<typeof whatsappFallbackReason>[0]> = {}) => ({
  contactPreference: "whatsapp",
  phone: "27821234567",
  whatsappConsentAt: JAN,
  whatsappOptedOutAt: null,
  ...overrides,
});

describe("whatsappConsentState", () => {
  it("lets a withdrawal win over an older consent", () => {
    expect(whatsappConsentState({ whatsappConsentAt: JAN, whatsappOptedOutAt: null })).toBe("granted");
    expect(whatsappConsentState({ whatsappConsentAt: JAN, whatsappOptedOutAt: FEB })).toBe("withdrawn");
    expect(whatsappConsentState({ whatsappConsentAt: null, whatsappOptedOutAt: FEB })).toBe("withdrawn");
    expect(whatsappConsentState({ whatsappConsentAt: null, whatsappOptedOutAt: null })).toBe("none");
  });
});

describe("whatsappFallbackReason", () => {
  it("is silent when messages go the way the customer asked", () => {
    expect(whatsappFallbackReason(customer())).toBeNull();
    expect(whatsappFallbackReason(customer({ contactPreference: "email", whatsappConsentAt: null }))).toBeNull();
  });

  it("explains why a WhatsApp customer will get email", () => {
    expect(whatsappFallbackReason(customer({ whatsappConsentAt: null }))).toBe("Messages go by email until the customer’s WhatsApp consent is recorded.");
    expect(whatsappFallbackReason(customer({ whatsappOptedOutAt: FEB }))).toMatch(/withdrew their WhatsApp consent/);
    expect(whatsappFallbackReason(customer({ phone: null }))).toBe("This customer has no phone number, so messages go by email.");
  });
});

describe("consentSourceLabel", () => {
  it("names the known sources and shows an unknown one as stored", () => {
    expect(consentSourceLabel("quote-form")).toBe("on the quote form");
    expect(consentSourceLabel("admin")).toBe("recorded by staff");
    expect(consentSourceLabel("import")).toBe("via import");
    expect(consentSourceLabel(null)).toBe("from an unknown source");
  });
});
