// The crash test: a dispatcher child process (`npm run worker`'s script) is killed with SIGKILL
// at random moments, 50 times, while it drains 500 messages to the Graph API sandbox and a real
// SMTP listener. Afterwards no message may be lost (each one ended: sent, or uncertain for an
// admin to decide) and neither provider may have received any message twice.
import { afterAll, beforeAll, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { freePort, startReceiver } from "@/test/http-receiver";
import { startSmtpListener } from "@/test/smtp-listener";
import { startWorkerProcess } from "@/test/worker-process";
import { contactSnapshotOf } from "@/lib/customers/recipient";

const MESSAGES = 500;
const KILLS = 50;

let db: typeof import("@/lib/db").db;
let graph: Awaited<ReturnType<typeof import("@/lib/whatsapp/sandbox/node-server").startSandboxServer>>;
let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  const port = await freePort();
  process.env.WHATSAPP_API_BASE_URL = `http://127.0.0.1:${port}`;
  const { whatsappConfig } = await import("@/lib/env");
  const { startSandboxServer } = await import("@/lib/whatsapp/sandbox/node-server");
  ({ db } = await import("@/lib/db"));
  receiver = await startReceiver(() => new Response("ok"));
  graph = await startSandboxServer({ ...whatsappConfig, port, webhookUrl: receiver.url, webhookDelayMs: 0 });
  smtp = await startSmtpListener();

  // 400 WhatsApp customers (outside their window: templates) and 100 email customers.
  const customers = Array.from({ length: MESSAGES }, (_, index) => ({
    id: randomUUID(),
    name: `Customer ${index}`,
    email: `kill${index}@example.com`,
    phone: `2783${String(1_000_000 + index)}`,
    contactPreference: index % 5 === 0 ? "email" : "whatsapp",
    whatsappConsentAt: new Date(),
    whatsappConsentSource: "quote-form",
  }));
  await db.customer.createMany({ data: customers });
  const quotes = customers.map((customer, index) => ({
    id: randomUUID(),
    number: `Q-2026-${String(index + 1).padStart(4, "0")}`,
    customerId: customer.id,
    ...contactSnapshotOf(customer),
    occasion: "Hamper",
    currency: "ZAR",
    searchText: customer.name.toLowerCase(),
  }));
  await db.quote.createMany({ data: quotes });
  const now = new Date();
  await db.message.createMany({
    data: quotes.map((quote) => ({
      channel: "whatsapp",
      direction: "outbound",
      origin: "system:quote.received",
      event: "quote.received",
      kind: "notification",
      customerId: quote.customerId,
      quoteId: quote.id,
      idempotencyKey: `quote.received:${quote.id}:${quote.number}`,
      status: "queued",
      dueAt: now,
    })),
  });
}, 60_000);

afterAll(async () => {
  await graph?.sandbox.settle();
  await graph?.close();
  await smtp?.close();
  await receiver?.close();
});

const startWorker = () => startWorkerProcess({ ...process.env, SMTP_URL: smtp.url, OUTBOX_LEASE_SECONDS: "1", OUTBOX_IN_APP: "false" }, { quiet: true });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function unfinished(): Promise<number> {
  return db.message.count({ where: { status: { in: ["queued", "sending"] } } });
}

it(`loses and doubles nothing when the dispatcher is killed ${KILLS} times while draining ${MESSAGES} messages`, { timeout: 600_000 }, async () => {
  let kills = 0;
  while (kills < KILLS && (await unfinished()) > 0) {
    const { child, ready } = startWorker();
    await ready;
    // Somewhere in the middle of its work: claiming, sending, or recording.
    await sleep(50 + Math.random() * 350);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    kills++;
  }
  // A last worker finishes the queue (lapsed leases are settled after 1 s) and stops cleanly.
  const { child, ready } = startWorker();
  await ready;
  for (let waited = 0; (await unfinished()) > 0 && waited < 120_000; waited += 250) await sleep(250);
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  await graph.sandbox.settle();

  const rows = await db.message.findMany({ select: { id: true, status: true, channel: true } });
  const whatsappReceived = new Map<string, number>();
  for (const sent of graph.sandbox.sent) whatsappReceived.set(sent.callbackData!, (whatsappReceived.get(sent.callbackData!) ?? 0) + 1);
  const mailReceived = new Map<string, number>();
  for (const mail of smtp.mails) mailReceived.set(mail.reference, (mailReceived.get(mail.reference) ?? 0) + 1);
  const received = (id: string) => (whatsappReceived.get(id) ?? 0) + (mailReceived.get(id) ?? 0);

  const doubled = rows.filter((row) => received(row.id) > 1).length;
  const unfinishedRows = rows.filter((row) => row.status === "queued" || row.status === "sending").length;
  // Lost: recorded as sent but never received, or received but not recorded (and not uncertain).
  const lost = rows.filter((row) => (row.status === "uncertain" ? false : (row.status === "accepted" || row.status === "sent") !== received(row.id) > 0)).length;
  const uncertain = rows.filter((row) => row.status === "uncertain");
  const uncertainDelivered = uncertain.filter((row) => received(row.id) > 0).length;
  console.log(
    `kill test: ${MESSAGES} messages, ${kills} kills; sent ${rows.filter((row) => row.status === "accepted" || row.status === "sent").length}, ` +
      `uncertain ${uncertain.length} (${uncertainDelivered} of them had reached the provider), lost ${lost}, doubled ${doubled}, unfinished ${unfinishedRows}`,
  );
  expect(kills).toBeGreaterThanOrEqual(Math.min(KILLS, 10));
  expect(unfinishedRows).toBe(0);
  expect(doubled).toBe(0);
  expect(lost).toBe(0);
  expect(rows.every((row) => ["accepted", "sent", "uncertain"].includes(row.status))).toBe(true);
});
