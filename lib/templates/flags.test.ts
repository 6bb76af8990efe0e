import { describe, expect, it } from "vitest";
import { isSampleTemplate, refusalCode, templateFlags, unusableReason, type TTemplateState } from "@/lib/templates/flags";

const template = (change: Partial<TTemplateState> = {}): TTemplateState => ({
  name: "quote_ready",
  language: "en",
  status: "APPROVED",
  category: "UTILITY",
  previousCategory: null,
  categoryChangedAt: null,
  upcomingCategory: null,
  upcomingCategoryAt: null,
  quality: "GREEN",
  rejectedReason: null,
  statusReason: null,
  deletedAt: null,
  ...change,
});
const kinds = (state: TTemplateState) => templateFlags(state).map((flag) => `${flag.kind}${flag.blocking ? "!" : ""}`);

describe("template flags", () => {
  it("an approved, unchanged template has none and can be sent", () => {
    expect(templateFlags(template())).toEqual([]);
    expect(unusableReason(template(), "quote_ready", "en")).toBeNull();
  });

  it("paused, disabled, rejected, pending and deleted templates cannot be sent, each with its reason and Meta's code", () => {
    expect(kinds(template({ status: "PAUSED", statusReason: "LOW_QUALITY" }))).toEqual(["paused!"]);
    expect(templateFlags(template({ status: "PAUSED", statusReason: "LOW_QUALITY" }))[0]!.text).toBe("Paused by Meta for low quality: WhatsApp refuses it until Meta approves it again.");
    expect(templateFlags(template({ status: "PAUSED", statusReason: "SPAM_REPORTS" }))[0]!.text).toMatch(/low quality \(spam reports\)/);
    expect(kinds(template({ status: "DISABLED" }))).toEqual(["disabled!"]);
    expect(kinds(template({ status: "REJECTED", rejectedReason: "INVALID_FORMAT" }))).toEqual(["rejected!"]);
    expect(templateFlags(template({ status: "REJECTED", rejectedReason: "INVALID_FORMAT" }))[0]!.text).toMatch(/invalid format/);
    expect(kinds(template({ status: "PENDING" }))).toEqual(["not_approved!"]);
    expect(kinds(template({ status: "PAUSED", deletedAt: new Date("2026-12-01T10:00:00Z") }))).toEqual(["deleted!"]);
    expect(refusalCode(template({ status: "PAUSED" }))).toBe(132015);
    expect(refusalCode(template({ status: "DISABLED" }))).toBe(132016);
    expect(refusalCode(template({ status: "REJECTED" }))).toBe(132001);
    expect(refusalCode(null)).toBe(132001);
    expect(unusableReason(null, "gone", "en")).toMatch(/not on this WhatsApp account/);
    expect(unusableReason(template({ status: "PAUSED" }), "quote_ready", "en")).toMatch(/"quote_ready" \(en\) cannot be sent\. Paused/);
  });

  it("re-categorised, announced, flagged and low-quality templates still send, with a warning", () => {
    const moved = template({ category: "MARKETING", previousCategory: "UTILITY", categoryChangedAt: new Date("2026-12-02T08:00:00Z") });
    expect(kinds(moved)).toEqual(["recategorised"]);
    expect(templateFlags(moved)[0]!.text).toBe("Re-categorised by Meta from utility to marketing on 2026-12-02: it is billed and limited as marketing now.");
    expect(unusableReason(moved, "quote_ready", "en")).toBeNull();
    expect(kinds(template({ previousCategory: "UTILITY" }))).toEqual([]);
    expect(kinds(template({ upcomingCategory: "MARKETING", upcomingCategoryAt: new Date("2026-12-10T00:00:00Z") }))).toEqual(["category_change_announced"]);
    expect(kinds(template({ status: "FLAGGED", quality: "RED" }))).toEqual(["flagged", "low_quality"]);
    expect(unusableReason(template({ status: "FLAGGED" }), "quote_ready", "en")).toBeNull();
  });

  it("knows Meta's samples", () => {
    expect(isSampleTemplate("hello_world")).toBe(true);
    expect(isSampleTemplate("sample_shipping_confirmation")).toBe(true);
    expect(isSampleTemplate("quote_ready")).toBe(false);
    expect(isSampleTemplate("hello_world_2")).toBe(false);
  });
});
