import { describe, expect, it } from "vitest";
import { timeoutError, whatsAppErrorFromEnvelope, whatsAppErrorFromStatusError } from "@/lib/whatsapp/errors";

const envelope = (code: number, subcode?: number) => ({
  error: { message: "x", type: "OAuthException", code, error_subcode: subcode, error_data: { details: "detail text" }, fbtrace_id: "Atrace" },
});

describe("whatsAppErrorFromEnvelope", () => {
  it("tells an expired token apart and says to make a new one", () => {
    const error = whatsAppErrorFromEnvelope(envelope(190, 463), 401);
    expect(error).toMatchObject({ code: 190, subcode: 463, kind: "auth", retryable: false, title: "Access token expired", fbtraceId: "Atrace" });
    expect(error.action).toMatch(/new access token/);
  });

  it("explains 100/33 as a phone number id the token cannot reach", () => {
    const error = whatsAppErrorFromEnvelope(envelope(100, 33), 400);
    expect(error.kind).toBe("config");
    expect(error.action).toMatch(/WHATSAPP_PHONE_NUMBER_ID/);
  });

  it("maps the test number's allowed list, the window and templates", () => {
    expect(whatsAppErrorFromEnvelope(envelope(131030), 400)).toMatchObject({ kind: "recipient", retryable: false });
    expect(whatsAppErrorFromEnvelope(envelope(131047), 400)).toMatchObject({ kind: "window", retryable: false });
    expect(whatsAppErrorFromEnvelope(envelope(132001), 404)).toMatchObject({ kind: "template", retryable: false });
  });

  it("marks rate limits as retryable with a pause", () => {
    for (const code of [4, 80007, 130429, 131056]) {
      const error = whatsAppErrorFromEnvelope(envelope(code), 400);
      expect(error.kind).toBe("rate_limit");
      expect(error.retryable).toBe(true);
      expect(error.retryAfterMs).toBeGreaterThan(0);
    }
  });

  it("treats any code in 200-299 as a missing permission", () => {
    expect(whatsAppErrorFromEnvelope(envelope(230), 403)).toMatchObject({ kind: "permission", retryable: false });
  });

  it("treats a 5xx without an envelope as temporary, and other bodies as unknown", () => {
    expect(whatsAppErrorFromEnvelope("<html>Bad gateway</html>", 502)).toMatchObject({ code: "http_502", kind: "temporary", retryable: true });
    expect(whatsAppErrorFromEnvelope({ nope: true }, 404)).toMatchObject({ code: "http_404", retryable: false });
  });

  it("keeps Meta's details and never invents a code for unknown ones", () => {
    const error = whatsAppErrorFromEnvelope(envelope(999_999), 400);
    expect(error.code).toBe(999_999);
    expect(error.details).toBe("detail text");
    expect(error.title).toContain("999999");
  });
});

describe("other errors", () => {
  it("maps a failed status webhook's error", () => {
    const error = whatsAppErrorFromStatusError({ code: 131026, title: "Message undeliverable", error_data: { details: "not on WhatsApp" } });
    expect(error).toMatchObject({ code: 131026, kind: "recipient", details: "not on WhatsApp" });
  });

  it("says a timeout leaves the outcome unknown", () => {
    const error = timeoutError(10_000);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.title).toContain("10 s");
  });
});
