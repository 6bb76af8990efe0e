import { describe, expect, it } from "vitest";
import { chooseChannel, type TChannelCustomer, type TChannelInput } from "@/lib/outbox/channel";
import { optedOutReason } from "@/lib/messages/whatsapp-eligibility";

const now = new Date("2026-11-25T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 60 * 60 * 1000);

const NO_PHONE = "This customer has no WhatsApp number on record.";
// The opt-out in the tests below is an hour before `now`.
const OPTED_OUT = optedOutReason(new Date("2026-11-25T11:00:00Z"));
const NO_CONSENT = "This customer has not agreed to be contacted on WhatsApp. Use email, or ask for their consent first.";
const NO_EMAIL_SUFFIX = " The customer has no email address to send it to instead.";

function customer(overrides: Partial<TChannelCustomer> = {}): TChannelCustomer {
  return {
    contactPreference: "whatsapp",
    email: "thandi@example.com",
    phone: "27821234567",
    whatsappConsentAt: hoursAgo(24 * 30),
    whatsappOptedOutAt: null,
    lastInboundWhatsAppAt: hoursAgo(2),
    ...overrides,
  };
}

function input(overrides: Partial<TChannelInput> = {}, customerOverrides: Partial<TChannelCustomer> = {}): TChannelInput {
  return { customer: customer(customerOverrides), event: "order.ready", templateName: "order_update", now, ...overrides };
}

describe("chooseChannel for a customer who prefers WhatsApp", () => {
  it("sends free text inside the 24-hour window", () => {
    expect(chooseChannel(input())).toEqual({ channel: "whatsapp", mode: "text", fallbackReason: null });
  });

  it("sends the event's template outside the window", () => {
    expect(chooseChannel(input({}, { lastInboundWhatsAppAt: hoursAgo(25) }))).toEqual({ channel: "whatsapp", mode: "template", fallbackReason: null });
    expect(chooseChannel(input({}, { lastInboundWhatsAppAt: null }))).toEqual({ channel: "whatsapp", mode: "template", fallbackReason: null });
  });

  it("treats the window as closed at exactly 24 hours", () => {
    expect(chooseChannel(input({ templateName: null }, { lastInboundWhatsAppAt: hoursAgo(24) }))).toMatchObject({ channel: "email" });
  });

  it("falls back to email outside the window when the event has no template, naming the event", () => {
    const choice = chooseChannel(input({ event: "quote.declined", templateName: null }, { lastInboundWhatsAppAt: hoursAgo(48) }));
    expect(choice).toEqual({
      channel: "email",
      fallbackReason: 'The customer\'s 24-hour WhatsApp window is closed and no WhatsApp template is set for "Quote declined".',
    });
  });

  it("names an order event by its status label", () => {
    const choice = chooseChannel(input({ event: "order.out_for_delivery", templateName: null }, { lastInboundWhatsAppAt: null }));
    expect(choice).toMatchObject({ channel: "email", fallbackReason: expect.stringContaining('"Order out for delivery"') });
  });

  it("sends text inside the window even without a template", () => {
    expect(chooseChannel(input({ templateName: null }))).toEqual({ channel: "whatsapp", mode: "text", fallbackReason: null });
  });

  it("falls back to email when the customer never consented", () => {
    expect(chooseChannel(input({}, { whatsappConsentAt: null }))).toEqual({ channel: "email", fallbackReason: NO_CONSENT });
  });

  it("falls back to email when the customer opted out, even with consent and an open window", () => {
    expect(chooseChannel(input({}, { whatsappOptedOutAt: hoursAgo(1) }))).toEqual({ channel: "email", fallbackReason: OPTED_OUT });
  });

  it("falls back to email when there is no phone number", () => {
    expect(chooseChannel(input({}, { phone: null }))).toEqual({ channel: "email", fallbackReason: NO_PHONE });
  });

  it("has no channel when WhatsApp cannot be used and there is no email either", () => {
    expect(chooseChannel(input({}, { whatsappConsentAt: null, email: null }))).toEqual({ channel: null, reason: NO_CONSENT + NO_EMAIL_SUFFIX });
    expect(chooseChannel(input({}, { phone: null, email: null }))).toEqual({ channel: null, reason: NO_PHONE + NO_EMAIL_SUFFIX });
    expect(chooseChannel(input({}, { whatsappOptedOutAt: hoursAgo(1), email: "" }))).toEqual({ channel: null, reason: OPTED_OUT + NO_EMAIL_SUFFIX });
    expect(chooseChannel(input({ event: "quote.declined", templateName: null }, { lastInboundWhatsAppAt: null, email: null }))).toEqual({
      channel: null,
      reason: `The customer's 24-hour WhatsApp window is closed and no WhatsApp template is set for "Quote declined".${NO_EMAIL_SUFFIX}`,
    });
  });

  it("does not try WhatsApp again after a permanent refusal, going by email with that reason", () => {
    const refused = "WhatsApp refused it: Recipient not allowed (code 131030).";
    expect(chooseChannel(input({ whatsappRefused: refused }))).toEqual({ channel: "email", fallbackReason: refused });
    expect(chooseChannel(input({ whatsappRefused: refused }, { email: null }))).toEqual({ channel: null, reason: refused + NO_EMAIL_SUFFIX });
  });

  it("ignores an empty refusal", () => {
    expect(chooseChannel(input({ whatsappRefused: null }))).toEqual({ channel: "whatsapp", mode: "text", fallbackReason: null });
    expect(chooseChannel(input({ whatsappRefused: "" }))).toEqual({ channel: "whatsapp", mode: "text", fallbackReason: null });
  });

  it("uses the template when Meta said the window is closed although our clock says open", () => {
    expect(chooseChannel(input({ windowClosedByMeta: true }))).toEqual({ channel: "whatsapp", mode: "template", fallbackReason: null });
  });

  it("falls back to email when Meta closed the window and the event has no template", () => {
    expect(chooseChannel(input({ windowClosedByMeta: true, templateName: null, event: "quote.declined" }))).toEqual({
      channel: "email",
      fallbackReason: 'The customer\'s 24-hour WhatsApp window is closed and no WhatsApp template is set for "Quote declined".',
    });
  });
});

describe("chooseChannel for a customer who prefers email", () => {
  it("sends email when there is an address, even if WhatsApp is possible", () => {
    expect(chooseChannel(input({}, { contactPreference: "email" }))).toEqual({ channel: "email", fallbackReason: null });
  });

  it("sends email when there is an address and WhatsApp is impossible", () => {
    expect(chooseChannel(input({}, { contactPreference: "email", phone: null }))).toEqual({ channel: "email", fallbackReason: null });
  });

  it("sends by WhatsApp without an address when WhatsApp is possible, saying why", () => {
    const reason = "The customer prefers email but has no email address.";
    expect(chooseChannel(input({}, { contactPreference: "email", email: null }))).toEqual({ channel: "whatsapp", mode: "text", fallbackReason: reason });
    expect(chooseChannel(input({}, { contactPreference: "email", email: null, lastInboundWhatsAppAt: null }))).toEqual({
      channel: "whatsapp",
      mode: "template",
      fallbackReason: reason,
    });
  });

  it("has no channel without an address when WhatsApp cannot be used either", () => {
    expect(chooseChannel(input({}, { contactPreference: "email", email: null, phone: null }))).toEqual({
      channel: null,
      reason: `The customer has no email address, and WhatsApp cannot be used: ${NO_PHONE}`,
    });
    expect(chooseChannel(input({}, { contactPreference: "email", email: null, whatsappConsentAt: null }))).toEqual({
      channel: null,
      reason: `The customer has no email address, and WhatsApp cannot be used: ${NO_CONSENT}`,
    });
    const refused = "WhatsApp refused it: error (code 131030).";
    expect(chooseChannel(input({ whatsappRefused: refused }, { contactPreference: "email", email: null }))).toEqual({
      channel: null,
      reason: `The customer has no email address, and WhatsApp cannot be used: ${refused}`,
    });
  });
});
