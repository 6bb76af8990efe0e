import { describe, expect, it } from "vitest";
import { parseCapabilityChange, tierOfLimit } from "@/lib/whatsapp/capability-webhook";
import { parseWebhook } from "@/lib/whatsapp/webhook";

const time = 1_764_760_000;
const account = { wabaId: "waba-1", phoneNumberId: "phone-1" };
const envelope = (entryId: string, value: unknown) => ({ object: "whatsapp_business_account", entry: [{ id: entryId, time, changes: [{ field: "business_capability_update", value }] }] });

describe("tierOfLimit", () => {
  it("reads Meta's tiers and its numbers, -1 as unlimited", () => {
    expect(["TIER_2K", "tier_250", "TIER_UNLIMITED", 2000, 250, 10_000, 100_000, -1, "2000", "-1"].map(tierOfLimit)).toEqual([
      "TIER_2K",
      "TIER_250",
      "TIER_UNLIMITED",
      "TIER_2K",
      "TIER_250",
      "TIER_10K",
      "TIER_100K",
      "TIER_UNLIMITED",
      "TIER_2K",
      "TIER_UNLIMITED",
    ]);
  });

  it("reads nothing it cannot count", () => {
    expect([0, -2, 2.5, "TIER_HUGE", "TIER_0", "", "lots", Number.MAX_VALUE].map(tierOfLimit)).toEqual(Array(8).fill(undefined));
  });
});

describe("business_capability_update", () => {
  it("takes the portfolio's limit, dated by the entry, before the deprecated per-phone one", () => {
    expect(parseCapabilityChange({ max_daily_conversations_per_business: "TIER_10K", max_daily_conversation_per_phone: 2000, max_phone_numbers_per_waba: 25 }, time)).toEqual({
      ok: true,
      event: { type: "capability", tier: "TIER_10K", at: new Date(time * 1000) },
    });
    expect(parseCapabilityChange({ max_daily_conversation_per_phone: -1 }, undefined)).toEqual({ ok: true, event: { type: "capability", tier: "TIER_UNLIMITED", at: null } });
  });

  it("a change with only the phone-number caps is not about the limit", () => {
    expect(parseCapabilityChange({ max_phone_numbers_per_business: 2 }, time)).toMatchObject({ ok: true, event: { type: "other", field: "business_capability_update" } });
  });

  it("a limit it cannot read is malformed, naming the field and the value", () => {
    expect(parseCapabilityChange({ max_daily_conversations_per_business: "TIER_HUGE", max_daily_conversation_per_phone: 2000 }, time)).toEqual({
      ok: false,
      reason: 'business_capability_update max_daily_conversations_per_business: unknown messaging limit "TIER_HUGE"',
    });
    expect(parseCapabilityChange({ max_daily_conversations_per_business: { tier: 2 } }, time)).toMatchObject({ ok: false, reason: expect.stringMatching(/max_daily_conversations_per_business/) });
    expect(parseCapabilityChange("TIER_2K", time)).toMatchObject({ ok: false });
    expect(parseCapabilityChange({ max_daily_conversations_per_business: "TIER_2K\u0000" }, time)).toMatchObject({ ok: false, reason: expect.stringMatching(/NUL/) });
  });

  it("in a webhook: ours is a capability event, another business account's is foreign", () => {
    expect(parseWebhook(envelope("waba-1", { max_daily_conversations_per_business: 2000 }), account)).toEqual([{ type: "capability", tier: "TIER_2K", at: new Date(time * 1000) }]);
    expect(parseWebhook(envelope("waba-2", { max_daily_conversations_per_business: 2000 }), account)).toMatchObject([{ type: "foreign", reason: expect.stringMatching(/waba-2/) }]);
    expect(parseWebhook(envelope("waba-1", { max_daily_conversations_per_business: 7.5 }), account)).toMatchObject([{ type: "malformed", reason: expect.stringMatching(/unknown messaging limit 7\.5/) }]);
  });
});
