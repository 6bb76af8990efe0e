import { describe, expect, it } from "vitest";
import { startOfDayIn } from "@/lib/calendar";
import { auditListHref, createdRange, isFiltered, needsAttention, parseAuditListParams } from "@/lib/messages/audit-params";

const DEFAULTS = { channel: undefined, direction: undefined, status: undefined, event: undefined, from: undefined, to: undefined, page: 1 };

describe("audit list params", () => {
  it("reads a bookmarked view", () => {
    expect(
      parseAuditListParams({ channel: "email", direction: "outbound", status: "attention", event: "order.out_for_delivery", from: "2026-03-01", to: "2026-03-31", page: "2" }),
    ).toEqual({ channel: "email", direction: "outbound", status: "attention", event: "order.out_for_delivery", from: "2026-03-01", to: "2026-03-31", page: 2 });
    expect(parseAuditListParams({ status: "uncertain", event: "manual" })).toMatchObject({ status: "uncertain", event: "manual" });
  });

  it("uses the defaults for an empty URL", () => {
    expect(parseAuditListParams({})).toEqual(DEFAULTS);
    expect(isFiltered(parseAuditListParams({}))).toBe(false);
    expect(isFiltered(parseAuditListParams({ page: "3" }))).toBe(false);
    expect(isFiltered(parseAuditListParams({ to: "2026-01-01" }))).toBe(true);
  });

  it("falls back to the default for anything unreadable, one parameter at a time, without throwing", () => {
    expect(
      parseAuditListParams({ channel: "sms", direction: "sideways", status: "lost", event: "order.confirmed", from: "yesterday", to: "2026-02-30", page: "-1" }),
    ).toEqual(DEFAULTS);
    expect(parseAuditListParams({ channel: "fax", status: "failed" })).toMatchObject({ channel: undefined, status: "failed" });
    expect(parseAuditListParams({ page: "2.5" }).page).toBe(1);
    expect(parseAuditListParams({ page: "9999999" }).page).toBe(1);
    expect(parseAuditListParams({ from: "2026-1-5" }).from).toBeUndefined();
    expect(parseAuditListParams({ from: "2026-02-28T10:00" }).from).toBeUndefined();
    expect(parseAuditListParams({ channel: ["whatsapp", "email"], page: ["4", "1"] })).toMatchObject({ channel: "whatsapp", page: 4 });
  });

  it("swaps dates given the wrong way round", () => {
    expect(parseAuditListParams({ from: "2026-04-10", to: "2026-04-01" })).toMatchObject({ from: "2026-04-01", to: "2026-04-10" });
  });

  it("writes short URLs that read back to the same view", () => {
    const params = parseAuditListParams({ status: "attention", channel: "whatsapp", from: "2026-05-01" });
    expect(auditListHref(parseAuditListParams({}))).toBe("/admin/messages");
    expect(auditListHref(params, { page: 3 })).toBe("/admin/messages?channel=whatsapp&status=attention&from=2026-05-01&page=3");
    expect(auditListHref(params, { status: undefined, page: 1 })).toBe("/admin/messages?channel=whatsapp&from=2026-05-01");
    const query = Object.fromEntries(new URLSearchParams(auditListHref(params, { page: 2 }).split("?")[1]));
    expect(parseAuditListParams(query)).toEqual({ ...params, page: 2 });
  });
});

describe("needsAttention", () => {
  it("is a failed or uncertain outbound message", () => {
    expect(needsAttention({ status: "failed", direction: "outbound" })).toBe(true);
    expect(needsAttention({ status: "uncertain", direction: "outbound" })).toBe(true);
    expect(needsAttention({ status: "sent", direction: "outbound" })).toBe(false);
    expect(needsAttention({ status: "queued", direction: "outbound" })).toBe(false);
    expect(needsAttention({ status: "failed", direction: "inbound" })).toBe(false);
  });
});

describe("dates in the business time zone", () => {
  it("starts a Johannesburg day at 22:00 UTC the day before", () => {
    expect(startOfDayIn("2026-03-10", "Africa/Johannesburg").toISOString()).toBe("2026-03-09T22:00:00.000Z");
  });

  it("follows daylight saving time", () => {
    expect(startOfDayIn("2026-07-01", "Europe/London").toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(startOfDayIn("2026-01-15", "Europe/London").toISOString()).toBe("2026-01-15T00:00:00.000Z");
    // The day the clocks go forward at 02:00 still starts at midnight local time.
    expect(startOfDayIn("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDayIn("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfDayIn("2026-01-01", "Pacific/Auckland").toISOString()).toBe("2025-12-31T11:00:00.000Z");
  });

  it("covers both chosen days whole", () => {
    expect(createdRange({ from: "2026-03-01", to: "2026-03-31" }, "Africa/Johannesburg")).toEqual({
      gte: new Date("2026-02-28T22:00:00.000Z"),
      lt: new Date("2026-03-31T22:00:00.000Z"),
    });
    expect(createdRange({ to: "2026-12-31" }, "Africa/Johannesburg")).toEqual({ lt: new Date("2026-12-31T22:00:00.000Z") });
    expect(createdRange({}, "Africa/Johannesburg")).toEqual({});
  });
});
