// The one rule for what follows Meta's permanent refusal of a WhatsApp message, at send time or
// later by webhook.
import { describe, expect, it } from "vitest";
import { afterWhatsAppRefusal, isWindowClosed } from "@/lib/message-lifecycle/whatsapp-refusal";

describe("afterWhatsAppRefusal", () => {
  it("tries an automatic free text again at once after a closed window (the next try takes the template)", () => {
    expect(afterWhatsAppRefusal({ code: 131047, template: false, automatic: true })).toEqual({ next: "template", outcome: "retry" });
    expect(afterWhatsAppRefusal({ code: "131047", template: false, automatic: true })).toEqual({ next: "template", outcome: "retry" });
  });

  it("sends an automatic message by email after any other permanent refusal, and after a template refused for the window", () => {
    expect(afterWhatsAppRefusal({ code: 131026, template: false, automatic: true })).toEqual({ next: "fallback", outcome: "fallback" });
    expect(afterWhatsAppRefusal({ code: "132015", template: true, automatic: true })).toEqual({ next: "fallback", outcome: "fallback" });
    expect(afterWhatsAppRefusal({ code: 131047, template: true, automatic: true })).toEqual({ next: "fallback", outcome: "fallback" });
  });

  it("never re-sends a message an admin wrote", () => {
    expect(afterWhatsAppRefusal({ code: 131047, template: false, automatic: false })).toEqual({ next: "failed", outcome: "failed" });
    expect(afterWhatsAppRefusal({ code: 131026, template: true, automatic: false })).toEqual({ next: "failed", outcome: "failed" });
  });
});

describe("isWindowClosed", () => {
  it("is Meta's 131047, as a number or as stored", () => {
    expect([131047, "131047", 131026, "internal"].map(isWindowClosed)).toEqual([true, true, false, false]);
  });
});
