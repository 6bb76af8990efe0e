// Several instances, the fault test: two web instances behind a round-robin proxy (each its own
// process with OUTBOX_IN_APP=false: they receive and store the sandbox's signed status webhooks),
// and the work of the workers in this process: two dispatchers (each with its own connections
// and the shared pace) and the webhook applier, all on one PostgreSQL database, while
// the sandbox fails a tenth of sends the ways Meta's API does. Every message must end sent or
// failed with its reason, none may reach the customer twice, the sandbox never sees more than
// WHATSAPP_MAX_MPS in any 1,000 ms, and every status webhook is stored once and applied.
// Runs when the suite runs on PostgreSQL (./faults.test.ts runs one dispatcher on either).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { busiestSecond } from "@/test/busiest-second";
import { receivedPerMessage, seedQueuedMessages } from "@/test/kill-run";
import { startOutboxHarness, type TOutboxHarness } from "@/test/outbox-harness";
import { startWebInstances } from "@/test/web-instances";

const MESSAGES = 300;

describe("two dispatchers and two web instances on one PostgreSQL", () => {
  let h: TOutboxHarness;
  let web: Awaited<ReturnType<typeof startWebInstances>>;
  let db: typeof import("@/lib/db").db;
  let maxPerSecond: number;

  beforeAll(async () => {
    web = await startWebInstances(2, { ...process.env, OUTBOX_IN_APP: "false" });
    const { env } = await import("@/lib/env");
    maxPerSecond = env.WHATSAPP_MAX_MPS;
    h = await startOutboxHarness({
      sandbox: { faults: { rate: 0.1, timeoutMs: 1_500 }, throughputPerSecond: maxPerSecond },
      timeoutMs: 1_000,
      webhookUrl: `${web.url}/api/webhooks/whatsapp`,
      // A 190 here is one refused send among working ones: held briefly, then tried again.
      dispatcher: { confirmGraceMs: 1_500, maxAttempts: 8, backoff: { baseMs: 5, maxMs: 50 }, tokenHoldMs: 50 },
    });
    ({ db } = await import("@/lib/db"));
    await seedQueuedMessages(MESSAGES);
  }, 120_000);

  afterAll(async () => {
    await (await import("@/lib/messages/webhook-inbox")).stopWebhookApplier();
    await h?.close();
    await web?.close();
  });

  it("end every message sent or failed, none twice, within the number's limit, every webhook applied", { timeout: 300_000 }, async () => {
    const { createDatabasePacer } = await import("@/lib/outbox/pacing-shared");
    const { whatsappConfig } = await import("@/lib/env");
    const dispatchers = [0, 1].map(() => h.makeDispatcher({ pacer: createDatabasePacer({ messagesPerSecond: maxPerSecond, phoneNumberId: whatsappConfig.phoneNumberId }) }));
    const { startWebhookApplier } = await import("@/lib/messages/webhook-inbox");
    startWebhookApplier({ pollMs: 100 });
    for (const dispatcher of dispatchers) dispatcher.start();
    for (let waited = 0; waited < 180_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      if ((await db.message.count({ where: { status: { in: ["queued", "sending"] } } })) === 0) break;
    }
    await Promise.all(dispatchers.map((dispatcher) => dispatcher.stop()));
    await h.sandbox.settle();
    // The applier goes on until every stored delivery is applied (checked below).

    const rows = await db.message.findMany({ select: { id: true, status: true, channel: true, errorTitle: true, errorDetail: true, claimedBy: true } });
    const sent = rows.filter((row) => ["accepted", "sent", "delivered", "read"].includes(row.status));
    const failed = rows.filter((row) => row.status === "failed");
    const received = receivedPerMessage(h.sandbox.sent, h.smtp.mails);
    const busiest = busiestSecond(h.sandbox.sent.map((item) => item.at.getTime()));
    const perDispatcher = dispatchers.map((dispatcher) => dispatcher.stats.accepted);
    console.log(
      `instances fault test: ${rows.length} messages, ${h.sandbox.limitCounts.faults} faults injected; sent ${sent.length}, failed ${failed.length}; ` +
        `accepted per dispatcher ${perDispatcher.join(" / ")}; busiest 1,000 ms ${busiest} (limit ${maxPerSecond}), 130429 refusals ${h.sandbox.limitCounts.throughput}; ` +
        `webhooks ${h.sandbox.deliveries.length}, per web instance ${web.served.join(" / ")}`,
    );
    expect(h.sandbox.limitCounts.faults).toBeGreaterThan(5);
    expect(sent.length + failed.length).toBe(MESSAGES);
    for (const row of failed) {
      expect(row.errorTitle).toBeTruthy();
      expect(row.errorDetail).toBeTruthy();
    }
    const doubled = [...received].filter(([, count]) => count > 1).map(([id]) => id);
    if (doubled.length) {
      const attempts = await db.messageAttempt.findMany({ where: { messageId: { in: doubled } }, orderBy: [{ messageId: "asc" }, { number: "asc" }] });
      console.log("received twice:", JSON.stringify(attempts.map((a) => [a.messageId.slice(0, 8), a.number, a.channel, a.outcome, a.errorCode, a.workerId?.slice(-8), a.startedAt, a.finishedAt])));
    }
    expect(doubled).toEqual([]);
    expect(perDispatcher.every((accepted) => accepted > 0)).toBe(true);
    expect(h.sandbox.limitCounts.throughput).toBe(0);
    expect(busiest).toBeLessThanOrEqual(maxPerSecond);

    // Webhooks: both instances took some; each one acknowledged is stored once and applied.
    expect(web.served.every((count) => count > 0)).toBe(true);
    const acknowledged = h.sandbox.deliveries.filter((delivery) => delivery.status === 200).length;
    expect(acknowledged).toBe(h.sandbox.deliveries.length);
    let open = -1;
    for (let waited = 0; waited < 30_000; waited += 250) {
      open = await db.webhookDelivery.count({ where: { processedAt: null } });
      if (open === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(open).toBe(0);
    expect(await db.webhookDelivery.count()).toBe(acknowledged);
    expect(await db.webhookDelivery.count({ where: { parkedAt: { not: null } } })).toBe(0);
    // Every WhatsApp message the sandbox took got its sent → delivered → read applied.
    const whatsappSent = await db.message.findMany({ where: { id: { in: h.sandbox.sent.map((item) => item.callbackData!) } }, select: { status: true } });
    expect(whatsappSent.filter((row) => row.status !== "read")).toEqual([]);
  });
});
