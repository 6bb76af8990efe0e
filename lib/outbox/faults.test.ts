// The fault test: the sandbox fails a tenth of sends the ways Meta's API does (timeouts, HTTP
// 500, 130429, 131047, 190). Every message must still end sent or failed with its reason, and
// none may reach the customer twice.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startOutboxHarness, type TOutboxHarness } from "@/test/outbox-harness";

const MESSAGES = 200;
let h: TOutboxHarness;
let db: typeof import("@/lib/db").db;

beforeAll(async () => {
  h = await startOutboxHarness({
    sandbox: { faults: { rate: 0.1, timeoutMs: 1_500 } },
    timeoutMs: 1_000,
    // A 190 here is one refused send among working ones: held briefly, then tried again.
    dispatcher: { confirmGraceMs: 1_500, maxAttempts: 8, backoff: { baseMs: 5, maxMs: 50 }, tokenHoldMs: 50 },
  });
  ({ db } = await import("@/lib/db"));
  const factories = await import("@/test/factories");
  const { enqueueNotification } = await import("@/lib/message-lifecycle/enqueue");
  for (let index = 0; index < MESSAGES; index++) {
    const quote = await factories.makeQuote({ contactPreference: index % 4 === 0 ? "email" : "whatsapp" });
    await db.$transaction((tx) => enqueueNotification(tx, { event: "quote.received", customerId: quote.customerId, quoteId: quote.id, version: "v1" }));
  }
}, 120_000);

afterAll(async () => {
  await h?.close();
});

it("ends every message sent or failed with its reason when a tenth of sends fail", { timeout: 180_000 }, async () => {
  h.dispatcher.start();
  for (let waited = 0; waited < 120_000; waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    await h.applyWebhooks();
    const open = await db.message.count({ where: { status: { in: ["queued", "sending"] } } });
    if (open === 0) break;
  }
  await h.dispatcher.stop();
  await h.applyWebhooks();

  const rows = await db.message.findMany({ include: { sendAttempts: true } });
  const sent = rows.filter((row) => ["accepted", "sent", "delivered", "read"].includes(row.status));
  const failed = rows.filter((row) => row.status === "failed");
  const perCallback = new Map<string, number>();
  for (const item of h.sandbox.sent) perCallback.set(item.callbackData!, (perCallback.get(item.callbackData!) ?? 0) + 1);
  const perMail = new Map<string, number>();
  for (const mail of h.smtp.mails) perMail.set(mail.reference, (perMail.get(mail.reference) ?? 0) + 1);
  const outcomes = rows.flatMap((row) => row.sendAttempts.map((attempt) => `${attempt.outcome}:${attempt.errorCode ?? ""}`));
  const tally = Object.entries(outcomes.reduce<Record<string, number>>((acc, key) => ({ ...acc, [key]: (acc[key] ?? 0) + 1 }), {})).sort();
  console.log(`fault test: ${rows.length} messages, ${h.sandbox.limitCounts.faults} faults injected; sent ${sent.length}, failed ${failed.length}; attempts ${JSON.stringify(tally)}`);

  expect(h.sandbox.limitCounts.faults).toBeGreaterThan(5);
  expect(sent.length + failed.length).toBe(MESSAGES);
  for (const row of failed) {
    expect(row.errorTitle).toBeTruthy();
    expect(row.errorDetail).toBeTruthy();
  }
  expect([...perCallback.values()].every((count) => count === 1)).toBe(true);
  expect([...perMail.values()].every((count) => count === 1)).toBe(true);
});
