// Meta's business_capability_update on a real database, posted by the Graph API sandbox as a
// signed webhook over HTTP to the app's own webhook route: the tier it reports is the limit in
// force at once (the dispatcher's guard included), a raised limit lets the held messages go, a
// late report changes nothing, and one the app cannot read is recorded and ignored without
// holding up the deliveries behind it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { whatsappConfig } from "@/lib/env";
import { startSandboxServer, type TSandboxServer } from "@/lib/whatsapp/sandbox/node-server";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { createMessagingLimitGuard } from "@/lib/whatsapp-usage/guard";
import { HOLD_ERROR_CODE } from "@/lib/whatsapp-usage/limit-rule";
import { refreshMetaTier, saveFallbackTier, storedMessagingLimit } from "@/lib/whatsapp-usage/limit-setting";
import { startReceiver } from "@/test/http-receiver";
import { drainWebhooks, messagesEnvelope, signWebhook, statusPart } from "@/test/webhook-requests";
import { makeCustomer } from "@/test/factories";

const HOUR = 3_600_000;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let server: TSandboxServer;

/** Whatever the sandbox posted has reached the route: now apply it. */
async function applyWebhooks() {
  await server.sandbox.settle();
  await drainWebhooks();
}

const lastDelivery = () => db.webhookDelivery.findFirstOrThrow({ orderBy: { receivedAt: "desc" } });

/** A business-initiated template to a new customer, reached `hoursAgo` (it counts for 24 hours). */
async function reached(hoursAgo: number) {
  const at = new Date(Date.now() - hoursAgo * HOUR);
  const customer = await makeCustomer();
  return db.message.create({
    data: { channel: "whatsapp", direction: "outbound", origin: "system:quote.answered", kind: "template", status: "delivered", statusRank: 4, recipient: customer.phone, customerId: customer.id, businessInitiatedAt: at, acceptedAt: at },
  });
}

/** A template held for the messaging limit, due when the first counted customer's 24 hours pass. */
async function held(dueInHours: number) {
  const customer = await makeCustomer();
  return db.message.create({
    data: { channel: "whatsapp", direction: "outbound", origin: "system:quote.received", kind: "template", status: "queued", recipient: customer.phone, customerId: customer.id, errorCode: HOLD_ERROR_CODE, errorTitle: "held: messaging limit reached (2 of 2 customers in 24 h)", dueAt: new Date(Date.now() + dueInHours * HOUR) },
  });
}

beforeAll(async () => {
  receiver = await startReceiver((request) => POST(request));
  server = await startSandboxServer({ appSecret: whatsappConfig.appSecret, accessToken: "capability-test-token", phoneNumberId: whatsappConfig.phoneNumberId, wabaId: whatsappConfig.wabaId, webhookUrl: receiver.url, webhookDelayMs: 1 });
});

afterAll(async () => {
  await server.close();
  await receiver.close();
});

beforeEach(async () => {
  server.sandbox.reset();
  await db.messageStatusEvent.deleteMany();
  await db.message.deleteMany();
  await db.webhookDelivery.deleteMany();
  await db.whatsAppLimitSetting.deleteMany();
  await saveFallbackTier("TIER_250");
});

describe("Meta's business_capability_update", () => {
  it("makes the reported tier the limit in force at once, as a tier or as a number", async () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    expect((await server.sandbox.setMessagingLimit({ tier: "TIER_2K", at })).status).toBe(200);
    await applyWebhooks();
    expect(await storedMessagingLimit()).toMatchObject({ tier: "TIER_2K", limit: 2_000, source: "meta", metaCheckedAt: at, metaError: null });
    expect(await lastDelivery()).toMatchObject({ outcome: "applied", detail: null });
    // The phone number reports it too, so the next read agrees.
    expect(server.sandbox.setup.messagingLimit).toBe("TIER_2K");

    await server.sandbox.setMessagingLimit({ tier: "TIER_UNLIMITED", reported: -1 });
    await applyWebhooks();
    expect(await storedMessagingLimit()).toMatchObject({ tier: "TIER_UNLIMITED", limit: null, source: "meta" });
  });

  it("lets the messages held for a lower limit go now, and holds no one the new limit has room for", async () => {
    await saveFallbackTier("TIER_2");
    await reached(1);
    await reached(2);
    // A guard that keeps its limit for an hour: a raised limit must still not be held against.
    const guard = createMessagingLimitGuard({ cacheMs: HOUR });
    const customer = await makeCustomer();
    const check = () => guard.check({ messageId: "next", recipient: customer.phone!, now: new Date() }, async () => "started");
    expect(await check()).toMatchObject({ held: { errorCode: HOLD_ERROR_CODE } });
    const waiting = await held(22);

    await server.sandbox.setMessagingLimit({ tier: "TIER_250" });
    await applyWebhooks();
    const released = await db.message.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(released.status).toBe("queued");
    expect(released.dueAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await check()).toEqual({ held: null, started: "started" });
  });

  it("does not let held messages go when the limit is lowered", async () => {
    await server.sandbox.setMessagingLimit({ tier: "TIER_2K" });
    await applyWebhooks();
    const waiting = await held(5);
    await server.sandbox.setMessagingLimit({ tier: "TIER_250" });
    await applyWebhooks();
    expect(await storedMessagingLimit()).toMatchObject({ tier: "TIER_250" });
    expect((await db.message.findUniqueOrThrow({ where: { id: waiting.id } })).dueAt).toEqual(waiting.dueAt);
  });

  it("a report older than the tier held changes nothing: not a late webhook, nor one older than a read of the number", async () => {
    const now = Date.now();
    await server.sandbox.setMessagingLimit({ tier: "TIER_10K", at: new Date(now - 60_000) });
    await applyWebhooks();
    await server.sandbox.setMessagingLimit({ tier: "TIER_2K", at: new Date(now - 120_000) });
    await applyWebhooks();
    expect(await storedMessagingLimit()).toMatchObject({ tier: "TIER_10K" });

    await refreshMetaTier(async () => "TIER_100K", new Date(now));
    await server.sandbox.setMessagingLimit({ tier: "TIER_UNLIMITED", at: new Date(now - 30_000) });
    await applyWebhooks();
    expect(await storedMessagingLimit()).toMatchObject({ tier: "TIER_100K" });
  });

  it("records a limit it cannot read and ignores it, and the deliveries behind it are applied", async () => {
    await server.sandbox.setMessagingLimit({ tier: "TIER_2K" });
    await applyWebhooks();
    const outbound = await db.message.create({ data: { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "text", status: "accepted", statusRank: 1, providerMessageId: "wamid.AFTER-BAD-LIMIT" } });

    await server.sandbox.setMessagingLimit({ tier: "TIER_2K", reported: "TIER_HUGE" });
    await server.sandbox.settle();
    // A status Meta sent after it, signed as Meta signs it.
    const body = JSON.stringify(messagesEnvelope({ statuses: [statusPart("wamid.AFTER-BAD-LIMIT", "delivered", Math.floor(Date.now() / 1000))] }));
    const response = await fetch(receiver.url, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": signWebhook(body) }, body });
    expect(response.status).toBe(200);
    await drainWebhooks();

    const bad = await db.webhookDelivery.findFirstOrThrow({ where: { body: { contains: "TIER_HUGE" } } });
    expect(bad).toMatchObject({ outcome: "malformed", detail: expect.stringContaining('unknown messaging limit "TIER_HUGE"'), processedAt: expect.any(Date), parkedAt: null });
    expect(await storedMessagingLimit()).toMatchObject({ tier: "TIER_2K", source: "meta" });
    expect((await db.message.findUniqueOrThrow({ where: { id: outbound.id } })).status).toBe("delivered");
    expect(await db.webhookDelivery.count({ where: { processedAt: null } })).toBe(0);
  });
});
