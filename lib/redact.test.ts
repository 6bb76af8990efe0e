// The one redaction, as the logger, the message pages and WhatsApp errors rely on it.
import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets, redactText } from "@/lib/redact";

describe("redactText", () => {
  it("removes bearer tokens, app tokens and token parameters, and leaves other text alone", () => {
    expect(redactText("Authorization: Bearer EAAG.abc-123")).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactText("Bearer 1234|app-secret")).toBe(`Bearer ${REDACTED}`);
    expect(redactText("GET /debug_token?input_token=EAAG1&access_token=1|s'")).toBe(`GET /debug_token?input_token=${REDACTED}&access_token=${REDACTED}'`);
    expect(redactText("Recipient phone number not in allowed list")).toBe("Recipient phone number not in allowed list");
  });
});

describe("redactSecrets", () => {
  it("replaces the values of keys that name a secret, at any depth, and keeps the rest", () => {
    const value = { headers: { Authorization: "Bearer x", "x-api-key": "k" }, passwordHash: "h", body: { to: "27821234567", token: "t" }, list: ["Bearer y", 1, null] };
    expect(redactSecrets(value)).toEqual({
      headers: { Authorization: REDACTED, "x-api-key": REDACTED },
      passwordHash: REDACTED,
      body: { to: "27821234567", token: REDACTED },
      list: [`Bearer ${REDACTED}`, 1, null],
    });
  });

  it("turns an error into its name and redacted message", () => {
    expect(redactSecrets(new TypeError("failed with Bearer abc"))).toEqual({ name: "TypeError", message: `failed with Bearer ${REDACTED}` });
  });
});
