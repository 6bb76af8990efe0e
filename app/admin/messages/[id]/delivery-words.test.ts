import { describe, expect, it } from "vitest";
import { attemptOutcomeLabel, fallbackNote } from "./delivery-words";

const reason = "The customer opted out of WhatsApp on 3 Dec 2026, 14:05.";

describe("fallbackNote", () => {
  it("says sent by email only once the email went out", () => {
    expect(fallbackNote({ channel: "email", status: "sent", fallbackReason: reason })).toMatchObject({ lead: "Sent by email instead of WhatsApp: ", reason });
  });

  it("says an email is on its way, or that it failed, otherwise", () => {
    expect(fallbackNote({ channel: "email", status: "queued", fallbackReason: reason })?.lead).toMatch(/not sent yet/);
    expect(fallbackNote({ channel: "email", status: "failed", fallbackReason: reason })).toMatchObject({ tone: "danger", lead: "By email instead of WhatsApp, but it did not go out: " });
  });

  it("names WhatsApp when that was the fallback, and says nothing without one", () => {
    expect(fallbackNote({ channel: "whatsapp", status: "delivered", fallbackReason: "The customer prefers email but has no email address." })?.lead).toBe("Sent by WhatsApp instead of email: ");
    expect(fallbackNote({ channel: "email", status: "sent", fallbackReason: null })).toBeNull();
  });
});

describe("attemptOutcomeLabel", () => {
  const refused = { channel: "whatsapp", outcome: "fallback", errorCode: "131026" };
  it("says a WhatsApp refusal went on to email only when an email was sent", () => {
    expect(attemptOutcomeLabel([refused, { channel: "email", outcome: "accepted", errorCode: null }], 0)).toBe("Refused by WhatsApp: sent by email instead");
  });

  it("says when there was no email address to send it to", () => {
    expect(attemptOutcomeLabel([refused, { channel: "none", outcome: "failed", errorCode: "no_channel" }], 0)).toBe("Refused by WhatsApp: no email address to send it to instead");
  });

  it("says email comes next while it has not been tried, and names the other outcomes", () => {
    expect(attemptOutcomeLabel([refused], 0)).toBe("Refused by WhatsApp: trying email next");
    expect(attemptOutcomeLabel([refused, { channel: "email", outcome: "failed", errorCode: "550" }], 0)).toBe("Refused by WhatsApp: email tried instead");
    expect(attemptOutcomeLabel([{ channel: "whatsapp", outcome: "accepted", errorCode: null }], 0)).toBe("Accepted");
    expect(attemptOutcomeLabel([{ channel: "whatsapp", outcome: null, errorCode: null }], 0)).toBe("—");
  });
});
