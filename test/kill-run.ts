// The crash scenario shared by the kill tests: `workers` dispatcher processes (`npm run worker`'s
// script) are killed with SIGKILL at random moments, `kills` times in all, while they drain
// `messages` queued messages to the Graph API sandbox (which enforces the number's throughput,
// as Meta does) and a real SMTP listener. Then one clean worker per slot finishes the queue, and
// the figures say whether any message was lost or received twice.
// Call after the test database is set (test/setup-db.ts) and before anything imports lib/env.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { busiestSecond } from "@/test/busiest-second";
import { freePort, startReceiver } from "@/test/http-receiver";
import { startSmtpListener } from "@/test/smtp-listener";
import { startWorkerProcess } from "@/test/worker-process";

/**
 * `lifeMs`: how long each worker may run after it says it started before it is killed (random in the range).
 * `afterSendMs`: instead, how long after the providers next receive something (this worker's or the
 * other's first send since it started) it is killed: on a busy machine a worker's start takes longer,
 * and a fixed life would kill it before it does any work.
 */
export type TKillRunOptions = { messages: number; kills: number; workers: number; lifeMs?: readonly [number, number]; afterSendMs?: readonly [number, number] };

export type TKillFigures = {
  kills: number;
  /** Messages that ended while workers were being killed (the rest were left to the clean ones). */
  endedDuringKills: number;
  sent: number;
  uncertain: number;
  uncertainDelivered: number;
  lost: number;
  doubled: number;
  unfinished: number;
  /** Every row ended accepted, sent or uncertain. */
  allEnded: boolean;
  /** The most sends the sandbox accepted in any 1,000 ms (half-open, as it counts them). */
  busiestSecond: number;
  /** Sends the sandbox refused for exceeding the number's throughput (130429). */
  throughputRefusals: number;
  maxPerSecond: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `count` messages queued and due, one per customer: a fifth to email customers, the rest to
 * WhatsApp customers outside their window (templates).
 */
export async function seedQueuedMessages(count: number): Promise<void> {
  const { contactSnapshotOf } = await import("@/lib/customers/recipient");
  const { db } = await import("@/lib/db");
  const customers = Array.from({ length: count }, (_, index) => ({
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
}

/** How often each message id reached a provider: the sandbox (by callback data) or the SMTP listener. */
export function receivedPerMessage(sandboxSent: readonly { callbackData?: string }[], mails: readonly { reference: string }[]): Map<string, number> {
  const received = new Map<string, number>();
  for (const id of [...sandboxSent.map((sent) => sent.callbackData!), ...mails.map((mail) => mail.reference)]) received.set(id, (received.get(id) ?? 0) + 1);
  return received;
}

export async function startKillRun(options: TKillRunOptions) {
  const port = await freePort();
  process.env.WHATSAPP_API_BASE_URL = `http://127.0.0.1:${port}`;
  const { env, whatsappConfig } = await import("@/lib/env");
  const { startSandboxServer } = await import("@/lib/whatsapp/sandbox/node-server");
  const { db } = await import("@/lib/db");
  const maxPerSecond = env.WHATSAPP_MAX_MPS;
  const receiver = await startReceiver(() => new Response("ok"));
  // Hundreds of templates to as many new customers: past a new portfolio's 250 a day, which the
  // outbox would hold (lib/whatsapp-usage/), so the sandbox's number reports no messaging limit.
  const graph = await startSandboxServer({ ...whatsappConfig, port, webhookUrl: receiver.url, webhookDelayMs: 0, throughputPerSecond: maxPerSecond, setup: { messagingLimit: "TIER_UNLIMITED" } });
  const smtp = await startSmtpListener();

  await seedQueuedMessages(options.messages);

  const startWorker = () => startWorkerProcess({ ...process.env, SMTP_URL: smtp.url, OUTBOX_LEASE_SECONDS: "1", OUTBOX_IN_APP: "false" }, { quiet: true });
  const unfinished = () => db.message.count({ where: { status: { in: ["queued", "sending"] } } });
  const received = () => graph.sandbox.sent.length + smtp.mails.length;
  /** Waits until the providers have received more than `before` (at most `timeoutMs`). */
  const receivedMore = async (before: number, timeoutMs: number) => {
    for (let waited = 0; received() <= before && waited < timeoutMs; waited += 20) await sleep(20);
  };

  async function figures(kills: number, endedDuringKills: number): Promise<TKillFigures> {
    await graph.sandbox.settle();
    const rows = await db.message.findMany({ select: { id: true, status: true } });
    const received = receivedPerMessage(graph.sandbox.sent, smtp.mails);
    const times = (id: string) => received.get(id) ?? 0;
    const recordedSent = (status: string) => status === "accepted" || status === "sent";
    const uncertain = rows.filter((row) => row.status === "uncertain");
    return {
      kills,
      endedDuringKills,
      sent: rows.filter((row) => recordedSent(row.status)).length,
      uncertain: uncertain.length,
      uncertainDelivered: uncertain.filter((row) => times(row.id) > 0).length,
      // Lost: recorded as sent but never received, or received but not recorded (and not uncertain).
      lost: rows.filter((row) => row.status !== "uncertain" && recordedSent(row.status) !== times(row.id) > 0).length,
      doubled: rows.filter((row) => times(row.id) > 1).length,
      unfinished: rows.filter((row) => row.status === "queued" || row.status === "sending").length,
      allEnded: rows.every((row) => ["accepted", "sent", "uncertain"].includes(row.status)),
      busiestSecond: busiestSecond(graph.sandbox.sent.map((sent) => sent.at.getTime())),
      throughputRefusals: graph.sandbox.limitCounts.throughput,
      maxPerSecond,
    };
  }

  return {
    async run(): Promise<TKillFigures> {
      let kills = 0;
      // One loop per worker slot: start, let it work somewhere in claiming, sending or
      // recording, kill it; the slots run side by side, so kills land while the other works.
      const slot = async () => {
        while (kills < options.kills && (await unfinished()) > 0) {
          const { child, ready } = startWorker();
          await ready;
          if (options.afterSendMs) await receivedMore(received(), 30_000);
          const [least, most] = options.afterSendMs ?? options.lifeMs ?? [50, 400];
          await sleep(least + Math.random() * (most - least));
          child.kill("SIGKILL");
          await new Promise((resolve) => child.once("exit", resolve));
          kills++;
        }
      };
      await Promise.all(Array.from({ length: options.workers }, slot));
      const endedDuringKills = options.messages - (await unfinished());
      // Clean workers finish the queue (lapsed leases are settled after 1 s) and stop.
      const finishers = Array.from({ length: options.workers }, startWorker);
      await Promise.all(finishers.map((worker) => worker.ready));
      for (let waited = 0; (await unfinished()) > 0 && waited < 120_000; waited += 250) await sleep(250);
      for (const worker of finishers) worker.child.kill("SIGTERM");
      await Promise.all(finishers.map((worker) => worker.exited));
      return figures(kills, endedDuringKills);
    },
    async close() {
      await graph.sandbox.settle();
      await graph.close();
      await smtp.close();
      await receiver.close();
    },
  };
}

/** The figures as one line, for the test output. */
export function describeKillRun(label: string, options: TKillRunOptions, figures: TKillFigures): string {
  return (
    `${label}: ${options.messages} messages, ${figures.kills} kills across ${options.workers} worker${options.workers === 1 ? "" : "s"} (${figures.endedDuringKills} ended meanwhile); sent ${figures.sent}, ` +
    `uncertain ${figures.uncertain} (${figures.uncertainDelivered} of them had reached the provider), lost ${figures.lost}, doubled ${figures.doubled}, ` +
    `unfinished ${figures.unfinished}; busiest 1,000 ms at the sandbox ${figures.busiestSecond} (limit ${figures.maxPerSecond}), 130429 refusals ${figures.throughputRefusals}`
  );
}

/** The run of a kill test file: started before its test (the setup may take a minute on a busy machine) and closed after. */
export function killRunForFile(options: TKillRunOptions): () => Awaited<ReturnType<typeof startKillRun>> {
  let run: Awaited<ReturnType<typeof startKillRun>> | undefined;
  beforeAll(async () => {
    run = await startKillRun(options);
  }, 60_000);
  afterAll(async () => {
    await run?.close();
  });
  return () => {
    if (!run) throw new Error("the kill run did not start");
    return run;
  };
}
