// An admin's WhatsApp send from a quote, end to end below the browser: the real database file,
// the outbox dispatcher as the app runs it, the Graph API sandbox over HTTP, and its signed
// webhooks arriving at the app's webhook route.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { startSandboxServer as TStart } from "@/lib/whatsapp/sandbox/node-server";
import { freePort, startReceiver } from "@/test/http-receiver";
import { contactSnapshotOf } from "@/lib/customers/recipient";
import type { TSendOutcome } from "@/lib/messages/first-try-outcome";

let sandbox: Awaited<ReturnType<typeof TStart>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let modules: {
  db: typeof import("@/lib/db").db;
  send: (input: Parameters<typeof import("@/lib/outbox/manual-send").queueWhatsAppForQuote>[0], actorId: string) => Promise<TSendOutcome>;
  drain: () => Promise<void>;
};
let adminId: string;

beforeAll(async () => {
  // The app's WhatsApp config is read once, at import, so the sandbox's address is set first.
  const port = await freePort();
  process.env.WHATSAPP_API_BASE_URL = `http://127.0.0.1:${port}`;
  const { startSandboxServer } = await import("@/lib/whatsapp/sandbox/node-server");
  const { whatsappConfig } = await import("@/lib/env");
  receiver = await startReceiver(async (request) => (await import("@/app/api/webhooks/whatsapp/route")).POST(request));
  sandbox = await startSandboxServer({ ...whatsappConfig, port, webhookUrl: `${receiver.url}/api/webhooks/whatsapp`, webhookDelayMs: 5 });
  const { db } = await import("@/lib/db");
  const { queueWhatsAppForQuote } = await import("@/lib/outbox/manual-send");
  const { getFirstTryOutcome } = await import("@/lib/messages/queries");
  const { startOutbox } = await import("@/lib/outbox/runtime");
  startOutbox();
  const { processStoredDeliveries } = await import("@/lib/messages/webhook-inbox");
  modules = {
    db,
    // Queues, then follows the first try as the dialog does, through the query its route serves.
    send: async (input, actorId) => {
      const { messageId } = await queueWhatsAppForQuote(input, actorId);
      for (const deadline = Date.now() + 12_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
        const outcome = await getFirstTryOutcome(messageId);
        if (outcome) return outcome;
      }
      throw new Error("the first try did not end within 12 s");
    },
    drain: async () => {
      await sandbox.sandbox.settle();
      while ((await processStoredDeliveries()) > 0) {
        // apply all stored deliveries
      }
    },
  };
  adminId = (await db.adminUser.create({ data: { email: "a@example.com", name: "Admin", passwordHash: "x" } })).id;
});

afterAll(async () => {
  const { stopOutbox } = await import("@/lib/outbox/runtime");
  await stopOutbox();
  await sandbox?.sandbox.settle();
  await sandbox?.close();
  await receiver?.close();
});

let counter = 0;
async function quoteFor(customer: { phone?: string | null; consent?: boolean; optedOut?: boolean; lastInbound?: Date | null }) {
  counter++;
  const contact = {
    name: "Ann Mokoena",
    email: `ann${counter}@example.com`,
    phone: customer.phone === undefined ? `2782${String(1000000 + counter)}` : customer.phone,
    contactPreference: "whatsapp",
    whatsappConsentAt: customer.consent === false ? null : new Date(),
  };
  return modules.db.quote.create({
    data: {
      number: `Q-2026-${String(counter).padStart(4, "0")}`,
      occasion: "Birthday",
      currency: "ZAR",
      searchText: "x",
      ...contactSnapshotOf(contact),
      customer: {
        create: { ...contact, whatsappOptedOutAt: customer.optedOut ? new Date() : null, lastInboundWhatsAppAt: customer.lastInbound ?? null },
      },
    },
  });
}

const template = (quoteId: string, key = randomUUID()) => ({
  kind: "template" as const,
  quoteId,
  idempotencyKey: key,
  templateName: "order_update",
  language: "en",
  parameters: ["Ann", "Q-1", "R1,250.00"],
});

beforeEach(() => sandbox.sandbox.reset());

describe("queueWhatsAppForQuote", () => {
  it("sends a template, logs it, and follows the webhooks to read", async () => {
    const quote = await quoteFor({});
    const outcome = await modules.send(template(quote.id), adminId);
    expect(outcome.ok).toBe(true);
    const accepted = await modules.db.message.findFirstOrThrow({ where: { quoteId: quote.id } });
    // The dispatcher's answer races the sandbox's status webhooks: it may already be further on.
    expect(["accepted", "sent", "delivered", "read"]).toContain(accepted.status);
    expect(accepted).toMatchObject({ channel: "whatsapp", direction: "outbound", sentById: adminId, templateName: "order_update", attempts: 1 });
    expect(JSON.parse(accepted.requestPayload!)).toMatchObject({ biz_opaque_callback_data: accepted.id, template: { name: "order_update" } });
    expect(accepted.requestPayload).not.toContain("Bearer");

    await modules.drain();
    const read = await modules.db.message.findUniqueOrThrow({ where: { id: accepted.id }, include: { statusEvents: true } });
    expect(read.status).toBe("read");
    expect(read.statusEvents.map((event) => event.status).sort()).toEqual(["delivered", "read", "sent"]);
  });

  it("fills a template's link button with the quote's accept link, which is never stored", async () => {
    const quote = await quoteFor({});
    const answeredAt = new Date();
    await modules.db.quote.update({ where: { id: quote.id }, data: { status: "quoted", answeredAt, validUntil: new Date(answeredAt.getTime() + 86_400_000), quotedAmountCents: 100 } });
    const { acceptToken } = await import("@/lib/quotes/accept-link");
    const token = acceptToken({ id: quote.id, answeredAt });
    const outcome = await modules.send(
      { kind: "template", quoteId: quote.id, idempotencyKey: randomUUID(), templateName: "quote_ready", language: "en", parameters: ["Ann", "Q-1", "R1"], buttonParameter: `q/${token}` },
      adminId,
    );
    expect(outcome.ok).toBe(true);
    const sent = sandbox.sandbox.sent.at(-1)!;
    expect(JSON.stringify(sent.body)).toContain(`q/${token}`);
    const row = await modules.db.message.findFirstOrThrow({ where: { quoteId: quote.id } });
    expect(row.templateButtonParam).toBe("[accept-link]");
    expect(row.requestPayload).toContain("q/[link]");
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("refuses a button with an accept link when the quote has no valid one, and queues nothing", async () => {
    const quote = await quoteFor({});
    const input = { kind: "template" as const, quoteId: quote.id, idempotencyKey: randomUUID(), templateName: "quote_ready", language: "en", parameters: ["Ann", "Q-1", "R1"], buttonParameter: `q/${"A".repeat(32)}` };
    await expect(modules.send(input, adminId)).rejects.toThrow(/no valid one: answer it first/);
    expect(await modules.db.message.count({ where: { quoteId: quote.id } })).toBe(0);
  });

  it("queues and answers at once, without waiting for the sender", async () => {
    const { stopOutbox, startOutbox } = await import("@/lib/outbox/runtime");
    const { queueWhatsAppForQuote } = await import("@/lib/outbox/manual-send");
    const { getFirstTryOutcome } = await import("@/lib/messages/queries");
    await stopOutbox();
    try {
      const quote = await quoteFor({});
      const started = Date.now();
      const { messageId } = await queueWhatsAppForQuote(template(quote.id), adminId);
      expect(Date.now() - started).toBeLessThan(1_000);
      // Nothing to report while it waits in the queue.
      expect(await getFirstTryOutcome(messageId)).toBeNull();
      expect(sandbox.sandbox.sent).toHaveLength(0);
    } finally {
      startOutbox();
    }
    // The dispatcher, once running, sends it.
    await expect.poll(() => sandbox.sandbox.sent.length, { timeout: 5_000 }).toBe(1);
  });

  it("sends once for one idempotency key, however often it is asked", async () => {
    const quote = await quoteFor({});
    const key = randomUUID();
    const [first, second] = await Promise.all([modules.send(template(quote.id, key), adminId), modules.send(template(quote.id, key), adminId).catch((error: Error) => error)]);
    const third = await modules.send(template(quote.id, key), adminId);
    expect(first.ok).toBe(true);
    expect(third).toEqual(first);
    expect(second instanceof Error ? second.message : second).toBeTruthy();
    expect(sandbox.sandbox.sent.length).toBe(1);
    expect(await modules.db.message.count({ where: { quoteId: quote.id } })).toBe(1);
  });

  it("refuses a customer without consent, or who opted out, and sends nothing", async () => {
    const noConsent = await quoteFor({ consent: false });
    await expect(modules.send(template(noConsent.id), adminId)).rejects.toThrow(/not agreed/);
    const optedOut = await quoteFor({ optedOut: true });
    await expect(modules.send(template(optedOut.id), adminId)).rejects.toThrow(/opted out of WhatsApp on /);
    expect(sandbox.sandbox.sent.length).toBe(0);
  });

  it("refuses free text outside the 24-hour window and allows it inside", async () => {
    const closed = await quoteFor({ lastInbound: new Date(Date.now() - 25 * 3600_000) });
    await expect(modules.send({ kind: "text", quoteId: closed.id, idempotencyKey: randomUUID(), body: "Hi" }, adminId)).rejects.toThrow(/24 hours/);

    const open = await quoteFor({});
    const customer = await modules.db.customer.findFirstOrThrow({ where: { quotes: { some: { id: open.id } } } });
    await sandbox.sandbox.simulateInbound({ from: customer.phone!, text: "Hello!" });
    await modules.drain();
    const outcome = await modules.send({ kind: "text", quoteId: open.id, idempotencyKey: randomUUID(), body: "Hi Ann" }, adminId);
    expect(outcome.ok).toBe(true);
    const inbound = await modules.db.message.findFirstOrThrow({ where: { direction: "inbound", customerId: customer.id } });
    // Nothing of ours had reached them yet: filed on the customer, not guessed onto their newest quote.
    expect(inbound).toMatchObject({ body: "Hello!", customerId: customer.id, quoteId: null });
  });

  it("records Meta's refusal with words the admin can act on", async () => {
    const quote = await quoteFor({ phone: "27600131030" });
    const outcome = await modules.send(template(quote.id), adminId);
    expect(outcome).toMatchObject({ ok: false, status: "failed", title: "Recipient not on the test number's allowed list" });
    const message = await modules.db.message.findFirstOrThrow({ where: { quoteId: quote.id } });
    expect(message).toMatchObject({ status: "failed", errorCode: "131030" });
    expect(message.errorDetail).toMatch(/API Setup/);
  });

  it("records a failure reported later by webhook", async () => {
    const quote = await quoteFor({ phone: "27610131026" });
    expect((await modules.send(template(quote.id), adminId)).ok).toBe(true);
    await modules.drain();
    const message = await modules.db.message.findFirstOrThrow({ where: { quoteId: quote.id } });
    expect(message).toMatchObject({ status: "failed", errorCode: "131026" });
  });
});
