// The outbox end to end below the browser: real SQLite file, the Graph API sandbox over HTTP with
// its signed webhooks reaching the app's webhook route, and a real SMTP listener.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOutboxHarness, type TOutboxHarness } from "@/test/outbox-harness";

let h: TOutboxHarness;
let db: typeof import("@/lib/db").db;
let enqueue: typeof import("@/lib/message-lifecycle/enqueue").enqueueNotification;
let factories: typeof import("@/test/factories");
let answerQuote: typeof import("@/lib/quotes/commands").answerQuote;
let retryMessage: typeof import("@/lib/outbox/retry").retryMessage;
let hashAcceptToken: typeof import("@/lib/quotes/accept-link").hashAcceptToken;

beforeAll(async () => {
  h = await startOutboxHarness({ dispatcher: { maxAttempts: 3 } });
  ({ db } = await import("@/lib/db"));
  ({ enqueueNotification: enqueue } = await import("@/lib/message-lifecycle/enqueue"));
  factories = await import("@/test/factories");
  ({ answerQuote } = await import("@/lib/quotes/commands"));
  ({ retryMessage } = await import("@/lib/outbox/retry"));
  ({ hashAcceptToken } = await import("@/lib/quotes/accept-link"));
});

afterAll(async () => {
  await h?.close();
});

beforeEach(() => {
  h.sandbox.reset();
  h.smtp.mails.length = 0;
});

async function queue(event: Parameters<typeof enqueue>[1]["event"], customer: Parameters<typeof factories.makeCustomer>[0] = {}) {
  const quote = await factories.makeQuote(customer);
  const id = await db.$transaction((tx) => enqueue(tx, { event, customerId: quote.customerId, quoteId: quote.id, version: "v1" }));
  return { quote, messageId: id! };
}

/** Meta took it; its status webhooks, applied as they arrive, may already have moved it on. */
const ACCEPTED_OR_LATER = ["accepted", "sent", "delivered", "read"];

const message = (id: string) => db.message.findUniqueOrThrow({ where: { id }, include: { sendAttempts: { orderBy: { number: "asc" } } } });

describe("channel choice", () => {
  it("sends free text to a WhatsApp customer inside the 24-hour window, and follows it to read", async () => {
    const { quote, messageId } = await queue("quote.received");
    const customer = await db.customer.update({ where: { id: quote.customerId }, data: { lastInboundWhatsAppAt: new Date() } });
    h.sandbox.setLastInbound(customer.phone!, new Date());
    await h.dispatcher.drain();
    const sent = h.sandbox.sent.find((item) => item.callbackData === messageId);
    expect(sent?.type).toBe("text");
    expect(JSON.stringify(sent?.body)).toContain("Thank you for asking us for a quote");
    await h.applyWebhooks();
    const row = await message(messageId);
    expect(row).toMatchObject({ channel: "whatsapp", kind: "text", status: "read", attempts: 1, fallbackReason: null, claimedBy: null });
    expect(row.sendAttempts.map((attempt) => attempt.outcome)).toEqual(["accepted"]);
  });

  it("sends the event's template outside the window, with the accept link in its URL button", async () => {
    const quote = await factories.makeQuote({});
    await answerQuote({ quoteId: quote.id, amountCents: 125_000, message: "Roses and chocolates.", actorId: null as never });
    await h.dispatcher.drain();
    const sent = h.sandbox.sent.at(-1)!;
    expect(sent.type).toBe("template");
    const template = (sent.body as { template: { name: string; components: { type: string; parameters: { text: string }[] }[] } }).template;
    expect(template.name).toBe("quote_ready");
    const body = template.components.find((component) => component.type === "body")!;
    expect(body.parameters.map((parameter) => parameter.text)).toEqual([expect.any(String), quote.number, "R 1 250,00".replace(/ /g, "\u00a0")]);
    const button = template.components.find((component) => component.type === "button")!;
    const path = button.parameters[0]!.text;
    expect(path).toMatch(/^q\/[A-Za-z0-9_-]{32}$/);
    // The link opens this quote, and the database holds only the token's hash.
    const stored = await db.quote.findUniqueOrThrow({ where: { id: quote.id } });
    expect(stored.acceptTokenHash).toBe(hashAcceptToken(path.slice(2)));
    const row = await db.message.findFirstOrThrow({ where: { quoteId: quote.id, event: "quote.answered" } });
    expect(ACCEPTED_OR_LATER).toContain(row.status);
    expect(row.requestPayload).not.toContain(path.slice(2));
    expect(row.requestPayload).toContain("q/[link]");
  });

  it("sends an email customer's message by SMTP, with the link, and records the Message-ID and the server's answer", async () => {
    const quote = await factories.makeQuote({ contactPreference: "email", phone: null });
    await answerQuote({ quoteId: quote.id, amountCents: 99_900, message: "A small hamper.", actorId: null as never });
    await h.dispatcher.drain();
    expect(h.smtp.mails).toHaveLength(1);
    const mail = h.smtp.mails[0]!;
    const row = await db.message.findFirstOrThrow({ where: { quoteId: quote.id, event: "quote.answered" } });
    expect(mail.subject).toBe(`Your quote ${quote.number}: ${row.subject?.split(": ")[1]}`);
    expect(mail.text).toMatch(/\/q\/[A-Za-z0-9_-]{32}/);
    expect(mail.html).toContain("View and answer your quote");
    expect(mail.reference).toBe(row.id);
    expect(row).toMatchObject({ channel: "email", kind: "email", status: "sent", providerMessageId: mail.messageId });
    expect(row.providerResponse).toMatch(/^250/);
    expect(row.body).toContain("/q/[link]");
  });

  it("falls back to email, with the reason, when a WhatsApp customer has not consented", async () => {
    const { messageId } = await queue("quote.received", { whatsappConsentAt: null });
    await h.dispatcher.drain();
    const row = await message(messageId);
    expect(row).toMatchObject({ channel: "email", status: "sent" });
    expect(row.fallbackReason).toMatch(/not agreed to be contacted on WhatsApp/);
    expect(h.sandbox.sent).toHaveLength(0);
    expect(h.smtp.mails).toHaveLength(1);
  });

  it("falls back to email when the event has no template and the window is closed", async () => {
    const { messageId } = await queue("quote.declined");
    await h.dispatcher.drain();
    const row = await message(messageId);
    expect(row.channel).toBe("email");
    expect(row.fallbackReason).toMatch(/no WhatsApp template is set for "Quote declined"/);
  });

  it("fails with the reason when WhatsApp cannot be used and there is no email", async () => {
    const { messageId } = await queue("quote.received", { whatsappOptedOutAt: new Date(), email: null });
    await h.dispatcher.drain();
    const row = await message(messageId);
    expect(row.status).toBe("failed");
    expect(row.errorDetail).toMatch(/opted out of WhatsApp on .*no email address/);
    expect(h.sandbox.sent).toHaveLength(0);
    expect(h.smtp.mails).toHaveLength(0);
  });

  it("falls back to email after a permanent WhatsApp error (not a WhatsApp user)", async () => {
    const { messageId } = await queue("quote.received", { phone: "27600131026" });
    await h.dispatcher.drain();
    const row = await message(messageId);
    expect(row).toMatchObject({ channel: "email", status: "sent", attempts: 2 });
    expect(row.sendAttempts.map((attempt) => [attempt.channel, attempt.outcome, attempt.errorCode])).toEqual([
      ["whatsapp", "fallback", "131026"],
      ["email", "accepted", null],
    ]);
    expect(row.fallbackReason).toMatch(/WhatsApp refused it: .*131026/);
  });

  it("sends by email when Meta reports a permanent failure later, by webhook", async () => {
    const { messageId } = await queue("quote.received", { phone: "27610131026" });
    await h.dispatcher.drain();
    // Accepted, unless the failure webhook was applied already.
    expect(["accepted", "queued"]).toContain((await message(messageId)).status);
    await h.applyWebhooks();
    expect((await message(messageId)).status).toBe("queued");
    await h.dispatcher.drain();
    const row = await message(messageId);
    expect(row).toMatchObject({ channel: "email", status: "sent", attempts: 2 });
    expect(row.fallbackReason).toMatch(/WhatsApp refused it: .*131026/);
    expect(row.sendAttempts.map((attempt) => attempt.outcome)).toEqual(["fallback", "accepted"]);
    expect(h.smtp.mails.filter((mail) => mail.reference === messageId)).toHaveLength(1);
  });

  it("does not queue anything for an event that is turned off", async () => {
    await db.notificationSetting.upsert({
      where: { event: "order.ready" },
      create: { event: "order.ready", enabled: false, emailSubject: "s", body: "b" },
      update: { enabled: false },
    });
    const { messageId } = await queue("order.ready").catch(() => ({ messageId: null }));
    expect(messageId).toBeNull();
  });
});

describe("retries", () => {
  it("retries a rate-limited send with backoff, then fails with the reason after the limit", async () => {
    const { messageId } = await queue("quote.received", { phone: "27600130429", email: null });
    for (let round = 0; round < 10; round++) {
      await h.dispatcher.drain();
      const row = await db.message.findUniqueOrThrow({ where: { id: messageId } });
      if (row.status === "failed") break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const row = await message(messageId);
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(3);
    expect(row.errorCode).toBe("130429");
    expect(row.errorDetail).toMatch(/^Gave up after 3 tries/);
    expect(row.sendAttempts.map((attempt) => attempt.outcome)).toEqual(["retry", "retry", "failed"]);
  });

  it("retries an SMTP 451 and fails a 550 at once", async () => {
    const busy = await queue("quote.received", { contactPreference: "email", email: "busy+1@example.com" });
    const bounce = await queue("quote.received", { contactPreference: "email", email: "bounce+1@example.com" });
    for (let round = 0; round < 10; round++) {
      await h.dispatcher.drain();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const busyRow = await message(busy.messageId);
    const bounceRow = await message(bounce.messageId);
    expect(busyRow.sendAttempts.map((attempt) => attempt.outcome)).toEqual(["retry", "retry", "failed"]);
    expect(bounceRow).toMatchObject({ status: "failed", attempts: 1, errorCode: "550" });
    expect(bounceRow.sendAttempts[0]!.response).toMatch(/Mailbox does not exist/);
  });

  it("sends again on an admin's Retry, once for a double click", async () => {
    const { messageId } = await queue("quote.received", { phone: "27600131021", email: null });
    await h.dispatcher.drain();
    const failed = await message(messageId);
    // Recipient-is-sender is permanent: WhatsApp is given up, and with no email the message fails.
    expect(failed).toMatchObject({ status: "failed", errorCode: "no_channel", attempts: 2 });
    expect(failed.errorDetail).toMatch(/WhatsApp refused it: .*\(code 131021\)/);
    // An admin corrects the customer's number (their quote follows it), then clicks Retry twice.
    const { editCustomerDetails } = await import("@/lib/customers/contact-changes");
    const customer = await db.customer.findUniqueOrThrow({ where: { id: failed.customerId! } });
    await editCustomerDetails({ customerId: customer.id, name: customer.name, email: "", phone: "+27820131021" }, (await factories.makeAdmin()).id);
    await retryMessage({ messageId, expectedAttempts: failed.attempts }, "admin");
    await expect(retryMessage({ messageId, expectedAttempts: failed.attempts }, "admin")).rejects.toThrow(/already being sent again/);
    await h.dispatcher.drain();
    const row = await message(messageId);
    expect(row.attempts).toBe(3);
    expect(ACCEPTED_OR_LATER).toContain(row.status);
    expect(h.sandbox.sent.filter((item) => item.callbackData === messageId)).toHaveLength(1);
  });

  it("refuses Retry on a message that did not fail", async () => {
    const { messageId } = await queue("quote.received");
    await h.dispatcher.drain();
    await expect(retryMessage({ messageId, expectedAttempts: 1 }, "admin")).rejects.toThrow(/Only failed or uncertain/);
  });
});

describe("claims and crashes", () => {
  it("never gives a message to two dispatchers: 100 messages, two draining at once, each sent once", { timeout: 90_000 }, async () => {
    const ids: string[] = [];
    for (let index = 0; index < 100; index++) ids.push((await queue("quote.received")).messageId);
    const second = h.makeDispatcher({ workerId: "second" });
    await Promise.all([h.dispatcher.drain(), second.drain()]);
    await second.stop();
    const sent = h.sandbox.sent.map((item) => item.callbackData);
    for (const id of ids) expect(sent.filter((callback) => callback === id)).toHaveLength(1);
    const rows = await db.message.findMany({ where: { id: { in: ids } }, select: { status: true } });
    expect(rows.every((row) => ["accepted", "sent", "delivered", "read"].includes(row.status))).toBe(true);
  });

  it("marks a send that was cut off uncertain and never sends it again; an unstarted claim is queued again", async () => {
    const started = await queue("quote.received");
    const unstarted = await queue("quote.received");
    const past = new Date(Date.now() - 1000);
    await db.message.updateMany({ where: { id: { in: [started.messageId, unstarted.messageId] } }, data: { status: "sending", claimedBy: "dead", leaseUntil: past } });
    await db.messageAttempt.create({ data: { messageId: started.messageId, number: 1, channel: "whatsapp", startedAt: past, workerId: "dead" } });
    await db.message.update({ where: { id: started.messageId }, data: { attempts: 1 } });
    await h.dispatcher.drain();
    const uncertain = await message(started.messageId);
    expect(uncertain.status).toBe("uncertain");
    expect(uncertain.errorTitle).toMatch(/Outcome unknown/);
    expect(uncertain.sendAttempts[0]!.outcome).toBe("uncertain");
    expect(h.sandbox.sent.some((item) => item.callbackData === started.messageId)).toBe(false);
    expect(ACCEPTED_OR_LATER).toContain((await message(unstarted.messageId)).status);
  });

  it("waits after a timeout for the status webhook, and does not send again when Meta had taken it", async () => {
    const harness = await startOutboxHarness({
      sandbox: { faults: { rate: 1, kinds: ["timeout"], random: () => 0.1, timeoutMs: 400 } },
      timeoutMs: 150,
      dispatcher: { confirmGraceMs: 300 },
    });
    try {
      const { messageId } = await queue("quote.received");
      await harness.dispatcher.drain();
      // Either the dispatcher recorded the timeout and waits ("unknown"), or the `sent` webhook
      // arrived first and the try is "confirmed"; it must not be queued for an immediate resend.
      const first = await message(messageId);
      expect(first.sendAttempts).toHaveLength(1);
      expect(["unknown", "confirmed"]).toContain(first.sendAttempts[0]!.outcome);
      harness.sandbox.configure({ faults: undefined });
      await harness.applyWebhooks();
      await new Promise((resolve) => setTimeout(resolve, 350));
      await harness.dispatcher.drain();
      const row = await message(messageId);
      expect(["sent", "delivered", "read"]).toContain(row.status);
      expect(harness.sandbox.sent.filter((item) => item.callbackData === messageId)).toHaveLength(1);
    } finally {
      await harness.close();
    }
  });
});
