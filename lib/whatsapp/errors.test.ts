import { describe, expect, it } from "vitest";
import {
  describeWhatsAppError,
  isKnownWhatsAppErrorCode,
  networkError,
  timeoutError,
  whatsAppErrorFromEnvelope,
  whatsAppErrorFromStatusError,
} from "@/lib/whatsapp/errors";

const envelope = (code: number, subcode?: number, details = "detail text") => ({
  error: { message: `(#${code}) x`, type: "OAuthException", code, error_subcode: subcode, error_data: { messaging_product: "whatsapp", details }, fbtrace_id: "Atrace" },
});

describe("whatsAppErrorFromEnvelope", () => {
  it("tells an expired token apart and says to make a new system-user token", () => {
    const error = whatsAppErrorFromEnvelope(envelope(190, 463), 401);
    expect(error).toMatchObject({ code: 190, subcode: 463, kind: "auth", retryable: false, title: "Access token expired", httpStatus: 401, fbtraceId: "Atrace", details: "detail text" });
    expect(error.action).toMatch(/WHATSAPP_ACCESS_TOKEN/);
    expect(error.action).toMatch(/system-user token/);
    expect(whatsAppErrorFromEnvelope(envelope(190, 467), 401).title).toBe("Access token invalid");
    expect(whatsAppErrorFromEnvelope(envelope(190, 460), 401).title).toMatch(/password changed/);
    expect(whatsAppErrorFromEnvelope(envelope(190), 401).title).toBe("Access token expired or invalid");
  });

  it("explains 100/33 as a phone number id the token cannot reach, and plain 100 as a bad request", () => {
    const error = whatsAppErrorFromEnvelope(envelope(100, 33), 400);
    expect(error).toMatchObject({ kind: "config", retryable: false });
    expect(error.action).toMatch(/WHATSAPP_PHONE_NUMBER_ID/);
    expect(whatsAppErrorFromEnvelope(envelope(100), 400).kind).toBe("request");
  });

  it("maps the test number's allowed list, the window and templates", () => {
    expect(whatsAppErrorFromEnvelope(envelope(131030, 2655007), 400)).toMatchObject({ kind: "recipient", retryable: false, subcode: 2655007 });
    expect(whatsAppErrorFromEnvelope(envelope(131030), 400).action).toMatch(/API Setup/);
    const window = whatsAppErrorFromEnvelope(envelope(131047), 400);
    expect(window).toMatchObject({ kind: "window", retryable: false });
    expect(window.action).toMatch(/template/);
    expect(whatsAppErrorFromEnvelope(envelope(132001), 404)).toMatchObject({ kind: "template", retryable: false });
    expect(whatsAppErrorFromEnvelope(envelope(132000), 400)).toMatchObject({ kind: "template", retryable: false });
  });

  it("marks rate limits as retryable after a pause", () => {
    for (const code of [4, 80007, 130429, 131056]) {
      const error = whatsAppErrorFromEnvelope(envelope(code), 400);
      expect(error.kind, String(code)).toBe("rate_limit");
      expect(error.retryable, String(code)).toBe(true);
      expect(error.retryAfterMs, String(code)).toBeGreaterThan(0);
    }
  });

  it("marks Meta's temporary errors retryable and policy or recipient errors not", () => {
    for (const code of [1, 2, 131000, 131016, 131057]) expect(whatsAppErrorFromEnvelope(envelope(code), 500), String(code)).toMatchObject({ kind: "temporary", retryable: true });
    for (const code of [368, 131026, 131031, 131049, 131050]) expect(whatsAppErrorFromEnvelope(envelope(code), 400).retryable, String(code)).toBe(false);
  });

  it("treats 3, 10 and any code in 200–299 as a missing permission", () => {
    for (const code of [3, 10, 200, 230, 299]) expect(whatsAppErrorFromEnvelope(envelope(code), 403), String(code)).toMatchObject({ kind: "permission", retryable: false });
    expect(whatsAppErrorFromEnvelope(envelope(300), 400).kind).toBe("unknown");
  });

  it("knows every code of the reference table", () => {
    const codes = [0, 1, 2, 3, 4, 80007, 10, 200, 299, 100, 190, 368, 130429, 131000, 131005, 131008, 131009, 131016, 131021, 131026, 131030, 131031, 131037, 131042, 131045, 131047, 131049, 131050, 131051, 131053, 131056, 131057, 131062, 132000, 132001, 132005, 132007, 132012, 132015, 132016, 133010, 135000];
    for (const code of codes) {
      expect(isKnownWhatsAppErrorCode(code), String(code)).toBe(true);
      expect(describeWhatsAppError(code).action.length, String(code)).toBeGreaterThan(10);
    }
    expect(isKnownWhatsAppErrorCode(131999)).toBe(false);
  });

  it("explains 131062 (a username-only customer) in plain words with the fix", () => {
    const error = whatsAppErrorFromEnvelope(envelope(131062), 400);
    expect(error).toMatchObject({ kind: "recipient", retryable: false, title: "This message cannot go to a WhatsApp username" });
    expect(error.action).toMatch(/phone number.*email/);
  });

  it("treats a 5xx or 429 without an envelope as retryable, a 404 as configuration, other bodies as unknown", () => {
    expect(whatsAppErrorFromEnvelope("<html>Bad gateway</html>", 502)).toMatchObject({ code: "http_502", kind: "temporary", retryable: true, httpStatus: 502 });
    expect(whatsAppErrorFromEnvelope(null, 503)).toMatchObject({ code: "http_503", retryable: true });
    expect(whatsAppErrorFromEnvelope(null, 429)).toMatchObject({ code: "http_429", kind: "rate_limit", retryable: true });
    expect(whatsAppErrorFromEnvelope({ nope: true }, 404)).toMatchObject({ code: "http_404", kind: "config", retryable: false });
    expect(whatsAppErrorFromEnvelope({ error: { message: "no code" } }, 400)).toMatchObject({ code: "http_400", kind: "unknown", retryable: false });
  });

  it("keeps Meta's details and code for unknown codes without inventing advice", () => {
    const error = whatsAppErrorFromEnvelope(envelope(999_999), 400);
    expect(error).toMatchObject({ code: 999_999, kind: "unknown", retryable: false, details: "detail text" });
    expect(error.title).toContain("999999");
  });

  it("never carries a token in its message or details", () => {
    const error = whatsAppErrorFromEnvelope(envelope(190, 467, "Sent Bearer EAAG123secret to /me?access_token=EAAG123secret&x=1"), 401);
    expect(error.message).not.toContain("EAAG123secret");
    expect(error.details).not.toContain("EAAG123secret");
    const network = networkError(new TypeError("Failed to parse URL from http://x/debug_token?input_token=EAAG123secret"));
    expect(network.message).not.toContain("EAAG123secret");
  });
});

describe("whatsAppErrorFromStatusError", () => {
  it("maps the error of a failed status webhook", () => {
    const error = whatsAppErrorFromStatusError({ code: 131026, title: "Message undeliverable", error_data: { details: "not on WhatsApp" } });
    expect(error).toMatchObject({ code: 131026, kind: "recipient", retryable: false, details: "not on WhatsApp", title: "Message undeliverable" });
    expect(whatsAppErrorFromStatusError({ code: 131047, title: "Re-engagement message" })).toMatchObject({ kind: "window", details: "Re-engagement message" });
  });
});

describe("transport errors", () => {
  it("says a timeout leaves the outcome unknown and may be retried", () => {
    expect(timeoutError(10_000)).toMatchObject({ code: "timeout", kind: "temporary", retryable: true, outcomeUnknown: true });
    expect(timeoutError(10_000).title).toContain("10 s");
    expect(timeoutError().title).toMatch(/in time/);
  });

  it("knows a refused connection never sent anything, but a reset might have", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    expect(networkError(new TypeError("fetch failed", { cause: refused }))).toMatchObject({ code: "network", retryable: true, outcomeUnknown: false, details: refused.message });
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(networkError(new TypeError("fetch failed", { cause: reset })).outcomeUnknown).toBe(true);
  });
});
