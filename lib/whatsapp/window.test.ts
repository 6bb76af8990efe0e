import { describe, expect, it } from "vitest";
import { serviceWindow } from "@/lib/whatsapp/window";

describe("serviceWindow", () => {
  const now = new Date("2026-11-25T12:00:00Z");

  it("is open for 24 hours after the customer's last message and says when it closes", () => {
    expect(serviceWindow(new Date("2026-11-24T12:00:01Z"), now)).toEqual({ open: true, closesAt: new Date("2026-11-25T12:00:01Z") });
    expect(serviceWindow(new Date("2026-11-25T11:00:00Z"), now)).toEqual({ open: true, closesAt: new Date("2026-11-26T11:00:00Z") });
  });

  it("is closed at exactly 24 hours and after", () => {
    expect(serviceWindow(new Date("2026-11-24T12:00:00Z"), now)).toEqual({ open: false, closesAt: new Date("2026-11-25T12:00:00Z") });
    expect(serviceWindow(new Date("2026-11-20T08:00:00Z"), now).open).toBe(false);
  });

  it("is closed when the customer never wrote", () => {
    expect(serviceWindow(null, now)).toEqual({ open: false });
  });
});
