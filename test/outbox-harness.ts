// Everything the dispatcher talks to, for real and on loopback: the Graph API sandbox (its signed
// webhooks reach the app's webhook route), an SMTP listener, and a dispatcher wired to both.
// Call after the test database is set (test/setup-db.ts) and before anything else imports lib/env.
import { freePort, startReceiver } from "@/test/http-receiver";
import { startSmtpListener } from "@/test/smtp-listener";
import type { TSandboxBehaviour } from "@/lib/whatsapp/sandbox";
import type { TDispatcherOptions } from "@/lib/outbox/dispatcher";

/** `webhookUrl`: where the sandbox posts its webhooks instead of this process's route (other instances). */
export async function startOutboxHarness(options: { sandbox?: TSandboxBehaviour; dispatcher?: Partial<TDispatcherOptions>; timeoutMs?: number; webhookUrl?: string } = {}) {
  const { whatsappConfig } = await import("@/lib/env");
  const { startSandboxServer } = await import("@/lib/whatsapp/sandbox/node-server");
  const { createWhatsAppClient } = await import("@/lib/whatsapp/client");
  const { createSmtpMailer } = await import("@/lib/email/mailer");
  const { createDispatcher } = await import("@/lib/outbox/dispatcher");
  const { createPacer } = await import("@/lib/outbox/pacing");
  const { processStoredDeliveries } = await import("@/lib/messages/webhook-inbox");
  const route = await import("@/app/api/webhooks/whatsapp/route");

  const receiver = await startReceiver((request) => route.POST(request));
  const port = await freePort();
  const graph = await startSandboxServer({ ...whatsappConfig, port, webhookUrl: options.webhookUrl ?? `${receiver.url}/api/webhooks/whatsapp`, webhookDelayMs: 5, ...options.sandbox });
  const smtp = await startSmtpListener();
  const whatsapp = createWhatsAppClient({ ...whatsappConfig, baseUrl: graph.url, timeoutMs: options.timeoutMs ?? 5_000 });
  const mailer = createSmtpMailer(smtp.url, "Snow Spoiled Gifts <shop@example.com>");
  const makeDispatcher = (overrides: Partial<TDispatcherOptions> = {}) =>
    createDispatcher({
      whatsapp,
      mailer,
      pacer: createPacer({ messagesPerSecond: 1000, pairIntervalMs: 1 }),
      backoff: { baseMs: 1, maxMs: 5 },
      idleMs: 20,
      ...options.dispatcher,
      ...overrides,
    });
  const dispatcher = makeDispatcher();

  return {
    graph,
    sandbox: graph.sandbox,
    smtp,
    mailer,
    whatsapp,
    dispatcher,
    makeDispatcher,
    /** Waits for the sandbox's webhooks and applies every stored delivery. */
    async applyWebhooks() {
      await graph.sandbox.settle();
      while ((await processStoredDeliveries()) > 0);
    },
    async close() {
      await dispatcher.stop().catch(() => undefined);
      await graph.sandbox.settle();
      mailer.close();
      await graph.close();
      await receiver.close();
      await smtp.close();
    },
  };
}

export type TOutboxHarness = Awaited<ReturnType<typeof startOutboxHarness>>;
