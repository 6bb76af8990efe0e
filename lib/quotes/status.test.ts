import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  allowedNextStatuses,
  assertTransition,
  isFinalStatus,
  manualTargetsFrom,
  QUOTE_STATUSES,
  QUOTE_STATUS_LABEL,
  QUOTE_STATUS_TONE,
  statusLabel,
  ZChangeQuoteStatusSchema,
} from "@/lib/quotes/status";

describe("quote status moves", () => {
  it("lets a new quote be answered, cancelled or expire, but not accepted or declined unseen", () => {
    expect(allowedNextStatuses("new")).toEqual(["quoted", "cancelled", "expired"]);
    expect(() => assertTransition("new", "accepted")).toThrow("A quote that is new cannot become accepted.");
    expect(() => assertTransition("new", "declined")).toThrow("A quote that is new cannot become declined.");
  });

  it("lets a quoted quote be accepted, declined, re-answered, expire or be cancelled", () => {
    for (const to of ["accepted", "declined", "quoted", "expired", "cancelled"] as const) {
      expect(() => assertTransition("quoted", to)).not.toThrow();
    }
    expect(() => assertTransition("quoted", "new")).toThrow("A quote that is quoted cannot become new.");
  });

  it("keeps finished quotes finished", () => {
    for (const from of ["accepted", "declined", "expired", "cancelled"]) {
      expect(allowedNextStatuses(from)).toEqual([]);
      expect(isFinalStatus(from)).toBe(true);
      for (const to of QUOTE_STATUSES) expect(() => assertTransition(from, to)).toThrow(AppError);
    }
    expect(() => assertTransition("accepted", "quoted")).toThrow("This quote is accepted; it cannot be answered any more.");
    expect(() => assertTransition("declined", "cancelled")).toThrow("A quote that is declined cannot become cancelled.");
    expect(isFinalStatus("new")).toBe(false);
  });

  it("refuses with a conflict, which the action shows as a plain sentence", () => {
    try {
      assertTransition("cancelled", "accepted");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("conflict");
      expect((error as AppError).httpStatus).toBe(409);
    }
  });

  it("knows nothing of unknown statuses and still names them", () => {
    expect(allowedNextStatuses("lost")).toEqual([]);
    expect(() => assertTransition("lost", "quoted")).toThrow("This quote is lost; it cannot be answered any more.");
    expect(statusLabel("lost")).toBe("lost");
  });

  it("offers buttons only for real changes (answering is the form's job)", () => {
    expect(manualTargetsFrom("new")).toEqual(["expired", "cancelled"]);
    expect(manualTargetsFrom("quoted")).toEqual(["accepted", "declined", "expired", "cancelled"]);
    expect(manualTargetsFrom("accepted")).toEqual([]);
  });

  it("has a label and a badge tone for every status", () => {
    for (const status of QUOTE_STATUSES) {
      expect(QUOTE_STATUS_LABEL[status]).toMatch(/^[A-Z]/);
      expect(QUOTE_STATUS_TONE[status]).toBeTruthy();
    }
    expect(QUOTE_STATUS_TONE.new).not.toBe(QUOTE_STATUS_TONE.quoted);
  });
});

describe("ZChangeQuoteStatusSchema", () => {
  it("takes a target, an optional note and the status the admin saw", () => {
    expect(ZChangeQuoteStatusSchema.parse({ quoteId: "q1", to: "accepted", note: "  By phone ", expectedStatus: "quoted" })).toEqual({
      quoteId: "q1",
      to: "accepted",
      note: "By phone",
      expectedStatus: "quoted",
    });
    expect(ZChangeQuoteStatusSchema.parse({ quoteId: "q1", to: "cancelled", note: "   " }).note).toBeUndefined();
  });

  it("refuses answering through the status buttons, unknown targets and long notes", () => {
    expect(ZChangeQuoteStatusSchema.safeParse({ quoteId: "q1", to: "quoted" }).success).toBe(false);
    expect(ZChangeQuoteStatusSchema.safeParse({ quoteId: "q1", to: "new" }).success).toBe(false);
    const long = ZChangeQuoteStatusSchema.safeParse({ quoteId: "q1", to: "declined", note: "x".repeat(501) });
    expect(long.error?.issues[0]?.message).toBe("Keep the note under 500 characters.");
  });
});
