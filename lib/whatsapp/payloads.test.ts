import { describe, expect, it } from "vitest";
import { buildTemplatePayload, buildTextPayload } from "@/lib/whatsapp/payloads";
import { isForwardMove, statusRank } from "@/lib/whatsapp/status-order";
import { serviceWindow } from "@/lib/whatsapp/window";

describe("payloads", () => {
  it("builds a text message with our id as callback data", () => {
    expect(buildTextPayload({ to: "27821234567", body: " Hi Ann ", callbackData: "msg-1" })).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "27821234567",
      biz_opaque_callback_data: "msg-1",
      type: "text",
      text: { body: "Hi Ann", preview_url: false },
    });
  });

  it("refuses numbers with a plus or spaces, empty and over-long text", () => {
    expect(() => buildTextPayload({ to: "+27821234567", body: "x" })).toThrow(/digits/);
    expect(() => buildTextPayload({ to: "27 82 123", body: "x" })).toThrow(/digits/);
    expect(() => buildTextPayload({ to: "27821234567", body: "  " })).toThrow(/empty/);
    expect(() => buildTextPayload({ to: "27821234567", body: "x".repeat(4097) })).toThrow(/4096/);
  });

  it("builds a template with body parameters in order and a URL button", () => {
    const payload = buildTemplatePayload({ to: "27821234567", name: "quote_ready", language: "en", bodyParameters: ["Ann", "Q-2026-0001"], buttonUrlParameter: "q/abc" });
    expect(payload.type === "template" && payload.template).toEqual({
      name: "quote_ready",
      language: { code: "en" },
      components: [
        { type: "body", parameters: [{ type: "text", text: "Ann" }, { type: "text", text: "Q-2026-0001" }] },
        { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "q/abc" }] },
      ],
    });
  });
});

describe("status order", () => {
  it("only moves forward: accepted < sent < delivered < read, and failed is final", () => {
    expect(isForwardMove("sent", "delivered")).toBe(true);
    expect(isForwardMove("read", "delivered")).toBe(false);
    expect(isForwardMove("delivered", "sent")).toBe(false);
    expect(isForwardMove("sent", "failed")).toBe(true);
    expect(statusRank("sending")).toBeLessThan(statusRank("accepted"));
  });
});

describe("serviceWindow", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  it("is open for 24 hours after the customer's last message", () => {
    expect(serviceWindow(new Date("2026-11-24T12:00:01Z"), now)).toEqual({ open: true, closesAt: new Date("2026-11-25T12:00:01Z") });
    expect(serviceWindow(new Date("2026-11-24T11:59:59Z"), now).open).toBe(false);
    expect(serviceWindow(null, now)).toEqual({ open: false });
  });
});
