import { describe, expect, it } from "vitest";
import { formatRequestPayload, redactSecrets } from "@/lib/messages/redact-payload";

describe("formatRequestPayload", () => {
  it("pretty-prints the request as sent", () => {
    const payload = JSON.stringify({ messaging_product: "whatsapp", to: "27821234567", type: "text", text: { body: "Hi" } });
    expect(formatRequestPayload(payload)).toBe(
      ['{', '  "messaging_product": "whatsapp",', '  "to": "27821234567",', '  "type": "text",', '  "text": {', '    "body": "Hi"', "  }", "}"].join("\n"),
    );
  });

  it("removes secrets under any key that names one, at any depth, and Bearer values anywhere", () => {
    const payload = JSON.stringify({
      headers: { Authorization: "Bearer EAAG123abc", "X-Access-Token": "abc" },
      access_token: "EAAGsecret",
      nested: [{ deep: { deeper: { deepest: { even: { deeper: { client_secret: "s3cret", password: "hunter2" } } } } } }],
      note: "sent with Bearer EAAGinline.token-value",
      url: "https://graph.facebook.com/v26.0/debug_token?input_token=EAAGx&access_token=EAAGy",
      to: "27821234567",
    });
    const shown = formatRequestPayload(payload) ?? "";
    for (const secret of ["EAAG123abc", "abc\"", "EAAGsecret", "s3cret", "hunter2", "EAAGinline", "EAAGx", "EAAGy"]) expect(shown).not.toContain(secret);
    expect(JSON.parse(shown)).toMatchObject({
      headers: { Authorization: "[redacted]", "X-Access-Token": "[redacted]" },
      access_token: "[redacted]",
      note: "sent with Bearer [redacted]",
      url: "https://graph.facebook.com/v26.0/debug_token?input_token=[redacted]&access_token=[redacted]",
      to: "27821234567",
    });
  });

  it("shows text that is not JSON as it is, still redacted, and nothing for no payload", () => {
    expect(formatRequestPayload("POST /messages Authorization: Bearer abc.def")).toBe("POST /messages Authorization: Bearer [redacted]");
    expect(formatRequestPayload(null)).toBeNull();
    expect(formatRequestPayload("  ")).toBeNull();
  });

  it("leaves ordinary values alone", () => {
    expect(redactSecrets({ template: { name: "order_ready", components: [1, true, null] } })).toEqual({ template: { name: "order_ready", components: [1, true, null] } });
  });
});
