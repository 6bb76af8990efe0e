import { describe, expect, it } from "vitest";
import { allowedNextStatuses, assertTransition } from "@/lib/quotes/status";

describe("quote status moves", () => {
  it("lets a new quote be answered, cancelled or expire, but not accepted unseen", () => {
    expect(allowedNextStatuses("new")).toEqual(["quoted", "cancelled", "expired"]);
    expect(() => assertTransition("new", "accepted")).toThrow("A quote that is new cannot become accepted.");
  });

  it("lets a quoted quote be accepted, declined, re-answered, expire or be cancelled", () => {
    for (const to of ["accepted", "declined", "quoted", "expired", "cancelled"] as const) expect(() => assertTransition("quoted", to)).not.toThrow();
  });

  it("keeps finished quotes finished", () => {
    for (const from of ["accepted", "declined", "expired", "cancelled"]) expect(allowedNextStatuses(from)).toEqual([]);
    expect(() => assertTransition("accepted", "quoted")).toThrow("This quote is accepted; it cannot be answered any more.");
    expect(() => assertTransition("declined", "cancelled")).toThrow(/cannot become cancelled/);
  });

  it("knows nothing of unknown statuses", () => {
    expect(allowedNextStatuses("lost")).toEqual([]);
  });
});
