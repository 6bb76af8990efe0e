import { describe, expect, it } from "vitest";
import { formatRemaining, windowText } from "@/lib/inbox/window-text";

const now = new Date("2026-12-03T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);

describe("windowText", () => {
  it("says how long free text is still allowed", () => {
    expect(windowText(new Date(now.getTime() - 50 * 60_000), now)).toBe("The 24-hour window is open: free text is allowed for 23 h 10 min more.");
    expect(windowText(hoursAgo(23.5), now)).toContain("for 30 min more");
  });

  it("says why only a template is allowed", () => {
    expect(windowText(hoursAgo(24), now)).toMatch(/has closed/);
    expect(windowText(null, now)).toMatch(/has not written/);
  });

  it("rounds the remaining time down", () => {
    expect(formatRemaining(59_999)).toBe("under a minute");
    expect(formatRemaining(2 * 3600_000)).toBe("2 h");
    expect(formatRemaining(2 * 3600_000 + 61_000)).toBe("2 h 1 min");
  });
});
