import { describe, expect, it } from "vitest";
import { sendAgainVerdict } from "@/lib/outbox/send-again-rule";
import type { TChannelCustomer } from "@/lib/outbox/channel";

const now = new Date("2026-11-25T12:00:00Z");
const customer = (overrides: Partial<TChannelCustomer> = {}): TChannelCustomer => ({
  contactPreference: "whatsapp",
  email: "thandi@example.com",
  phone: "27821234567",
  whatsappConsentAt: new Date("2026-10-01T00:00:00Z"),
  whatsappOptedOutAt: null,
  lastInboundWhatsAppAt: null,
  ...overrides,
});
const automatic = { event: "order.ready", origin: "system:order.ready", channel: "email" };
const byHand = { event: null, origin: "admin", channel: "whatsapp" };

describe("sendAgainVerdict for an automatic message", () => {
  it("allows it while a channel is left", () => {
    expect(sendAgainVerdict(automatic, customer(), "order_update", now)).toEqual({ possible: true });
    // Opted out, but there is an email address: it goes by email.
    expect(sendAgainVerdict(automatic, customer({ whatsappOptedOutAt: now }), null, now)).toEqual({ possible: true });
  });

  it("says to add an email or get consent when neither channel is left", () => {
    const verdict = sendAgainVerdict(automatic, customer({ email: null, whatsappConsentAt: null }), "order_update", now);
    expect(verdict).toMatchObject({ possible: false, fix: expect.stringMatching(/^Add an email address or get WhatsApp consent/) });
  });

  it("says the customer opted out, and that only an email or their START helps", () => {
    const verdict = sendAgainVerdict(automatic, customer({ email: null, whatsappOptedOutAt: new Date("2026-11-20T08:00:00Z") }), "order_update", now);
    expect(verdict).toMatchObject({ possible: false, reason: expect.stringMatching(/opted out of WhatsApp on .*2026/), fix: expect.stringMatching(/Add an email address.*START/) });
  });

  it("says to add a number or an email when there is neither", () => {
    expect(sendAgainVerdict(automatic, customer({ email: null, phone: null }), "order_update", now)).toMatchObject({ possible: false, fix: expect.stringMatching(/WhatsApp number/) });
  });

  it("says to set a template when the window is closed and none is set", () => {
    expect(sendAgainVerdict(automatic, customer({ email: null }), null, now)).toMatchObject({ possible: false, fix: expect.stringMatching(/set a WhatsApp template/) });
  });
});

describe("sendAgainVerdict for a message written by hand", () => {
  it("allows it while the customer may be messaged on WhatsApp", () => {
    expect(sendAgainVerdict(byHand, customer({ email: null }), null, now)).toEqual({ possible: true });
  });

  it("refuses it for an opted-out customer, even with an email address", () => {
    expect(sendAgainVerdict(byHand, customer({ whatsappOptedOutAt: now }), null, now)).toMatchObject({ possible: false, fix: expect.stringMatching(/START/) });
  });

  it("refuses it without consent or a number", () => {
    expect(sendAgainVerdict(byHand, customer({ whatsappConsentAt: null }), null, now)).toMatchObject({ possible: false, fix: expect.stringMatching(/consent/) });
    expect(sendAgainVerdict(byHand, customer({ phone: null }), null, now)).toMatchObject({ possible: false, fix: expect.stringMatching(/WhatsApp number/) });
  });

  it("allows the opt-out confirmation to an opted-out customer, and a username-only customer by BSUID", () => {
    const confirmation = { event: null, origin: "system:whatsapp-opt-out", channel: "whatsapp" };
    expect(sendAgainVerdict(confirmation, customer({ whatsappOptedOutAt: now }), null, now)).toEqual({ possible: true });
    expect(sendAgainVerdict(byHand, customer({ phone: null, whatsappUserId: "ZA.123456" }), null, now)).toEqual({ possible: true });
  });
});
