import { describe, expect, it } from "vitest";
import { WhatsAppError } from "@/lib/whatsapp/errors";
import { buildMarkReadPayload, buildTemplatePayload, buildTextPayload } from "@/lib/whatsapp/payloads";

const refusal = (build: () => unknown): WhatsAppError => {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(WhatsAppError);
    return error as WhatsAppError;
  }
  throw new Error("expected the builder to refuse");
};

describe("buildTextPayload", () => {
  it("builds Meta's text body with our id as callback data", () => {
    expect(buildTextPayload({ to: "27821234567", body: "Hi Ann, your quote is ready.", callbackData: "msg-1" })).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "27821234567",
      biz_opaque_callback_data: "msg-1",
      type: "text",
      text: { body: "Hi Ann, your quote is ready.", preview_url: false },
    });
  });

  it("addresses a customer known only by username through `recipient`, without `to`", () => {
    const payload = buildTextPayload({ to: "ZA.13491208655302741918", body: "Hi", callbackData: "m" });
    expect(payload).toMatchObject({ recipient: "ZA.13491208655302741918", type: "text" });
    expect(payload).not.toHaveProperty("to");
    const template = buildTemplatePayload({ to: "US.ENT.11815799212886844830", name: "order_update", language: "en", bodyParameters: ["Ann"], callbackData: "m" });
    expect(template).toMatchObject({ recipient: "US.ENT.11815799212886844830" });
    expect(template).not.toHaveProperty("to");
    expect(refusal(() => buildTextPayload({ to: "za.123", body: "Hi", callbackData: "m" })).message).toMatch(/digits only/);
  });

  it("adds the reply context and the link preview when asked", () => {
    const payload = buildTextPayload({ to: "27821234567", body: "See https://example.com", previewUrl: true, replyTo: "wamid.IN", callbackData: "m" });
    expect(payload).toMatchObject({ context: { message_id: "wamid.IN" }, text: { preview_url: true } });
  });

  it("refuses numbers with a plus, spaces or letters as a request error", () => {
    for (const to of ["+27821234567", "27 82 123 4567", "0821234567", "2782123456x", ""]) {
      const error = refusal(() => buildTextPayload({ to, body: "x", callbackData: "m" }));
      expect(error, to).toMatchObject({ kind: "request", code: "invalid_request", retryable: false });
      expect(error.action).toMatch(/digits/);
    }
  });

  it("refuses empty text and text over 4096 characters, counting an emoji as one", () => {
    expect(refusal(() => buildTextPayload({ to: "27821234567", body: "  ", callbackData: "m" })).action).toMatch(/empty/);
    expect(refusal(() => buildTextPayload({ to: "27821234567", body: "x".repeat(4097), callbackData: "m" })).action).toMatch(/4096/);
    expect(buildTextPayload({ to: "27821234567", body: "x".repeat(4096), callbackData: "m" }).type).toBe("text");
    expect(buildTextPayload({ to: "27821234567", body: "🎁".repeat(4096), callbackData: "m" }).type).toBe("text");
  });

  it("refuses missing or over-long callback data (Meta's limit is 512)", () => {
    expect(refusal(() => buildTextPayload({ to: "27821234567", body: "x", callbackData: "" })).kind).toBe("request");
    expect(refusal(() => buildTextPayload({ to: "27821234567", body: "x", callbackData: "c".repeat(513) })).action).toMatch(/512/);
  });
});

describe("buildTemplatePayload", () => {
  it("builds header, body parameters in order and a URL button", () => {
    const payload = buildTemplatePayload({
      to: "27821234567",
      name: "quote_ready",
      language: "en",
      headerParameters: ["Q-2026-0042"],
      bodyParameters: ["Ann", "Q-2026-0042", "R1,250.00"],
      buttonUrlParameter: "q/abc123",
      callbackData: "msg-2",
    });
    expect(payload).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "27821234567",
      biz_opaque_callback_data: "msg-2",
      type: "template",
      template: {
        name: "quote_ready",
        language: { code: "en" },
        components: [
          { type: "header", parameters: [{ type: "text", text: "Q-2026-0042" }] },
          { type: "body", parameters: [{ type: "text", text: "Ann" }, { type: "text", text: "Q-2026-0042" }, { type: "text", text: "R1,250.00" }] },
          { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "q/abc123" }] },
        ],
      },
    });
  });

  it("leaves components out for a template without parameters", () => {
    const payload = buildTemplatePayload({ to: "27821234567", name: "hello_world", language: "en_US", bodyParameters: [], callbackData: "m" });
    expect(payload.type === "template" && payload.template).toEqual({ name: "hello_world", language: { code: "en_US" } });
  });

  it("refuses parameters Meta would refuse: empty, line breaks, tabs, five spaces", () => {
    for (const bad of ["", "  ", "Ann\nMokoena", "Ann\tM", "Ann     M"]) {
      expect(refusal(() => buildTemplatePayload({ to: "27821234567", name: "quote_ready", language: "en", bodyParameters: ["ok", bad], callbackData: "m" })).action, JSON.stringify(bad)).toMatch(/\{\{2\}\}/);
    }
  });

  it("refuses a missing template name, a bad language code and a bad number", () => {
    expect(refusal(() => buildTemplatePayload({ to: "27821234567", name: "", language: "en", bodyParameters: [], callbackData: "m" })).kind).toBe("request");
    expect(refusal(() => buildTemplatePayload({ to: "27821234567", name: "Quote Ready", language: "en", bodyParameters: [], callbackData: "m" })).kind).toBe("request");
    expect(refusal(() => buildTemplatePayload({ to: "27821234567", name: "quote_ready", language: "English", bodyParameters: [], callbackData: "m" })).kind).toBe("request");
    expect(refusal(() => buildTemplatePayload({ to: "+27821234567", name: "quote_ready", language: "en", bodyParameters: [], callbackData: "m" })).action).toMatch(/digits/);
  });
});

describe("buildMarkReadPayload", () => {
  it("builds Meta's read receipt", () => {
    expect(buildMarkReadPayload("wamid.IN")).toEqual({ messaging_product: "whatsapp", status: "read", message_id: "wamid.IN" });
    expect(() => buildMarkReadPayload("")).toThrow(WhatsAppError);
  });
});
