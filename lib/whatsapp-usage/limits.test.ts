// The messaging limit on a real database: unique customers counted once per rolling 24 hours,
// service replies not counted, the 80 % warning, and the dispatcher's guard holding a new
// customer above the limit until the first counted one is 24 hours ago.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createMessagingLimitGuard } from "@/lib/whatsapp-usage/guard";
import { refreshMetaTier, saveFallbackTier, storedMessagingLimit } from "@/lib/whatsapp-usage/limit-setting";
import { REACH_WINDOW_MS, businessInitiatedReach } from "@/lib/whatsapp-usage/reach";
import { messagingLimitUsage, messagingLimitWarning } from "@/lib/whatsapp-usage/usage";
import { makeCustomer } from "@/test/factories";

const HOUR = 3_600_000;
const now = new Date("2026-12-03T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

type TReached = { at: Date; status?: string; accepted?: boolean; businessInitiated?: boolean };

/** An outbound WhatsApp message to `phone`, business-initiated (a template outside the window) unless told. */
async function reached(phone: string, { at, status = "delivered", accepted = true, businessInitiated = true }: TReached) {
  const customer = (await db.customer.findFirst({ where: { phone } })) ?? (await makeCustomer({ phone }));
  return db.message.create({
    data: {
      channel: "whatsapp",
      direction: "outbound",
      origin: "system:quote.answered",
      kind: businessInitiated ? "template" : "text",
      status,
      recipient: phone,
      customerId: customer.id,
      businessInitiatedAt: businessInitiated ? at : null,
      acceptedAt: accepted ? at : null,
    },
  });
}

beforeEach(async () => {
  await db.messageStatusEvent.deleteMany();
  await db.message.deleteMany();
  await db.whatsAppLimitSetting.deleteMany();
});

describe("unique customers reached in 24 hours", () => {
  it("counts a customer reached twice once, and leaves out service replies, refused sends and the day before", async () => {
    await reached("27820000001", { at: ago(2 * HOUR) });
    await reached("27820000001", { at: ago(1 * HOUR) });
    await reached("27820000002", { at: ago(3 * HOUR), businessInitiated: false });
    await reached("27820000003", { at: ago(1 * HOUR), status: "failed", accepted: false });
    await reached("27820000004", { at: ago(REACH_WINDOW_MS + 1) });
    await reached("27820000005", { at: ago(5 * 60_000), status: "sending", accepted: false });
    const reach = await businessInitiatedReach(db, now, { recipient: "27820000001" });
    expect(reach.used).toBe(2);
    expect(reach.includesRecipient).toBe(true);
    // A customer counts until 24 h after their last reach: the one reached twice frees first, an hour ago plus 24 h.
    expect(reach.nextFreeAt).toEqual(new Date(ago(1 * HOUR).getTime() + REACH_WINDOW_MS));
    expect((await businessInitiatedReach(db, now, { recipient: "27820000004" })).includesRecipient).toBe(false);
  });

  it("warns from 80 % of the limit set for when Meta's is unknown", async () => {
    await saveFallbackTier("TIER_5");
    for (const phone of ["27820000011", "27820000012", "27820000013"]) await reached(phone, { at: ago(HOUR) });
    expect(await messagingLimitUsage(now)).toMatchObject({ used: 3, limit: 5, level: "ok" });
    await reached("27820000014", { at: ago(HOUR) });
    expect(await messagingLimitUsage(now)).toMatchObject({ used: 4, limit: 5, share: 0.8, level: "warn", setting: { source: "setting" } });
    await reached("27820000015", { at: ago(HOUR) });
    expect((await messagingLimitUsage(now)).level).toBe("reached");
  });

  it("the banner's warning: none below 80 % of customers however many messages went, the usage from 80 %", async () => {
    await saveFallbackTier("TIER_5");
    for (let hour = 1; hour <= 4; hour++) await reached("27820000021", { at: ago(hour * HOUR) });
    expect(await messagingLimitWarning(now)).toBeNull();
    for (const phone of ["27820000022", "27820000023"]) await reached(phone, { at: ago(HOUR) });
    expect(await messagingLimitWarning(now)).toBeNull();
    await reached("27820000024", { at: ago(HOUR) });
    expect(await messagingLimitWarning(now)).toMatchObject({ used: 4, limit: 5, level: "warn" });
  });

  it("uses Meta's tier once read, keeps it through a failed read, and the setting when Meta names none", async () => {
    expect((await refreshMetaTier(async () => "TIER_2K", now)).limit).toBe(2000);
    const failed = await refreshMetaTier(async () => Promise.reject(new Error("(#131000) Something went wrong")), now);
    expect(failed).toMatchObject({ tier: "TIER_2K", source: "meta", metaError: "(#131000) Something went wrong" });
    const none = await refreshMetaTier(async () => undefined, now);
    expect(none).toMatchObject({ tier: "TIER_250", limit: 250, source: "setting", metaError: "Meta did not report a messaging limit for this number." });
    expect((await storedMessagingLimit()).metaCheckedAt).toEqual(now);
  });
});

describe("the dispatcher's guard", () => {
  it("holds a new customer at the limit, lets an already-counted one through, and releases when the 24 h pass", async () => {
    await saveFallbackTier("TIER_2");
    await reached("27820000021", { at: ago(23 * HOUR) });
    await reached("27820000022", { at: ago(2 * HOUR) });
    const guard = createMessagingLimitGuard({ cacheMs: 0 });
    let started = 0;
    const start = async () => ++started;

    const held = await guard.check({ messageId: "m-new", recipient: "27820000023", now }, start);
    expect(held.held).toMatchObject({ errorTitle: "held: messaging limit reached (2 of 2 customers in 24 h)", dueAt: new Date(ago(23 * HOUR).getTime() + REACH_WINDOW_MS) });
    expect(started).toBe(0);

    expect(await guard.check({ messageId: "m-again", recipient: "27820000022", now }, start)).toEqual({ held: null, started: 1 });

    const later = new Date(ago(23 * HOUR).getTime() + REACH_WINDOW_MS + 1);
    expect(await guard.check({ messageId: "m-new", recipient: "27820000023", now: later }, start)).toEqual({ held: null, started: 2 });
  });

  it("counts customers, not messages: three messages to one customer leave a limit of 2 open", async () => {
    await saveFallbackTier("TIER_2");
    for (const hours of [1, 2, 3]) await reached("27820000041", { at: ago(hours * HOUR) });
    const guard = createMessagingLimitGuard({ cacheMs: 0 });
    expect(await guard.check({ messageId: "m-other", recipient: "27820000042", now }, async () => "started")).toEqual({ held: null, started: "started" });
  });

  it("lets lanes deciding at once take only the free slots", async () => {
    await saveFallbackTier("TIER_3");
    await reached("27820000031", { at: ago(HOUR) });
    const guard = createMessagingLimitGuard({ cacheMs: 0 });
    // Each start writes the try as the dispatcher does: "sending", business-initiated, not yet accepted.
    const outcomes = await Promise.all(
      ["27820000032", "27820000033", "27820000034", "27820000035"].map((phone) =>
        guard.check({ messageId: `lane-${phone}`, recipient: phone, now }, () => reached(phone, { at: now, status: "sending", accepted: false })),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.held === null)).toHaveLength(2);
    expect((await businessInitiatedReach(db, now)).used).toBe(3);
  });
});
