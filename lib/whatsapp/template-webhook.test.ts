import { describe, expect, it } from "vitest";
import { parseTemplateChange } from "@/lib/whatsapp/template-webhook";

const ids = { message_template_id: 1234567890, message_template_name: "quote_ready", message_template_language: "en" };
const time = 1_764_760_000;

describe("template webhook fields", () => {
  it("a status update: Meta's event, reason and category, dated by the entry", () => {
    const parsed = parseTemplateChange("message_template_status_update", { event: "paused", ...ids, reason: "LOW_QUALITY", message_template_category: "UTILITY" }, time);
    expect(parsed).toEqual({
      ok: true,
      event: { type: "template", change: "status", metaId: "1234567890", name: "quote_ready", language: "en", at: new Date(time * 1000), value: "PAUSED", reason: "LOW_QUALITY", category: "UTILITY" },
    });
    expect(parseTemplateChange("message_template_status_update", { event: "APPROVED", ...ids, reason: null }, undefined)).toMatchObject({ ok: true, event: { at: null, reason: undefined } });
  });

  it("a category change made, and one announced for later", () => {
    expect(parseTemplateChange("template_category_update", { ...ids, previous_category: "UTILITY", new_category: "MARKETING" }, time)).toMatchObject({
      ok: true,
      event: { change: "category", value: "MARKETING", previousCategory: "UTILITY" },
    });
    const announced = parseTemplateChange("template_category_update", { ...ids, correct_category: "MARKETING", new_category: "UTILITY", category_update_timestamp: time + 86_400 }, time);
    expect(announced).toMatchObject({ ok: true, event: { change: "category", value: "MARKETING", upcomingAt: new Date((time + 86_400) * 1000) } });
  });

  it("a quality update", () => {
    expect(parseTemplateChange("message_template_quality_update", { ...ids, previous_quality_score: "GREEN", new_quality_score: "YELLOW" }, time)).toMatchObject({
      ok: true,
      event: { change: "quality", value: "YELLOW" },
    });
  });

  it("odd payloads are malformed with the field that is wrong", () => {
    expect(parseTemplateChange("message_template_status_update", { event: "APPROVED", message_template_language: "en" }, time)).toMatchObject({ ok: false, reason: expect.stringMatching(/message_template_name/) });
    expect(parseTemplateChange("template_category_update", { ...ids }, time)).toMatchObject({ ok: false, reason: expect.stringMatching(/new_category/) });
    expect(parseTemplateChange("message_template_status_update", { event: "APPROVED", ...ids, message_template_name: "bad\u0000name" }, time)).toMatchObject({ ok: false, reason: expect.stringMatching(/NUL/) });
    expect(parseTemplateChange("message_template_status_update", { event: "APPROVED", ...ids }, 1e15)).toMatchObject({ ok: true, event: { at: null } });
  });
});
