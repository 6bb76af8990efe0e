// The dispatcher as this installation runs it: the configured WhatsApp client (or sandbox), the
// mailer (or the built-in catcher, which keeps mails in the database), the number's pace. Used by
// the web server (instrumentation.ts) and by `npm run worker`.
import { createClient, tuneConnection } from "@/lib/db";
import { appUrl, emailConfig, env, whatsappConfig } from "@/lib/env";
import { createMailer, type TCaughtMail } from "@/lib/email/mailer";
import { log } from "@/lib/log";
import { onQueued } from "@/lib/message-lifecycle/queue-signal";
import { getWhatsAppClient } from "@/lib/messages/whatsapp-client";
import { createDispatcher, type TDispatcher } from "@/lib/outbox/dispatcher";
import { createDatabasePacer } from "@/lib/outbox/pacing-shared";
import { createConfiguredTokenGate } from "@/lib/whatsapp-setup/configured";
import { startDoctorSchedule, type TDoctorSchedule } from "@/lib/whatsapp-setup/schedule";
import { createTemplateGate } from "@/lib/templates/send-check";
import { startTemplateSchedule, type TTemplateSchedule } from "@/lib/templates/schedule";
import { createMessagingLimitGuard } from "@/lib/whatsapp-usage/guard";

const globalForOutbox = globalThis as unknown as { ssgDispatcher?: TDispatcher; ssgDispatcherListening?: () => void };

export function createConfiguredDispatcher(overrides: { workerId?: string } = {}): TDispatcher {
  // The catcher writes on its own connection: the dispatcher's may be replaced after SQLITE_BUSY.
  const catcherDb = createClient();
  const catcherReady = tuneConnection(catcherDb);
  const keep = async (mail: TCaughtMail) => {
    await catcherReady;
    await catcherDb.caughtEmail.create({ data: mail });
  };
  return createDispatcher({
    whatsapp: getWhatsAppClient(),
    mailer: createMailer(emailConfig, keep),
    // Shared through the database: every dispatcher on this number keeps to one limit together.
    pacer: createDatabasePacer({ messagesPerSecond: env.WHATSAPP_MAX_MPS, phoneNumberId: whatsappConfig.phoneNumberId }),
    leaseMs: env.OUTBOX_LEASE_SECONDS * 1000,
    maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
    mailDomain: new URL(appUrl).hostname,
    workerId: overrides.workerId,
    // While Meta refuses the access token (190), WhatsApp sends wait instead of failing.
    tokenGate: createConfiguredTokenGate(),
    // A paused or deleted template is refused with its reason before any call (lib/templates/send-check.ts).
    templates: createTemplateGate(),
    // Meta's tier for the portfolio, read from the phone number every few hours.
    messagingLimit: createMessagingLimitGuard({ readMetaTier: async () => (await getWhatsAppClient().getPhoneNumber()).whatsapp_business_manager_messaging_limit }),
  });
}

/** Starts the dispatcher once per process (Next evaluates modules twice; see lib/db.ts). */
export function startOutbox(): TDispatcher {
  if (!globalForOutbox.ssgDispatcher) {
    globalForOutbox.ssgDispatcher = createConfiguredDispatcher();
    globalForOutbox.ssgDispatcher.start();
    // What this process queues goes out at once (lib/message-lifecycle/queue-signal.ts).
    globalForOutbox.ssgDispatcherListening = onQueued(globalForOutbox.ssgDispatcher.poke);
    log.info("outbox: dispatcher started", { workerId: globalForOutbox.ssgDispatcher.workerId, email: emailConfig.mode });
  }
  return globalForOutbox.ssgDispatcher;
}

/** Stops this process's dispatcher (if any) after the sends in flight; for a clean shutdown. */
export async function stopOutbox(): Promise<void> {
  const dispatcher = globalForOutbox.ssgDispatcher;
  globalForOutbox.ssgDispatcher = undefined;
  globalForOutbox.ssgDispatcherListening?.();
  globalForOutbox.ssgDispatcherListening = undefined;
  // A send waits at most the WhatsApp timeout; never hold a shutdown longer than that.
  await Promise.race([dispatcher?.stop(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
}

const globalForTemplates = globalThis as unknown as { ssgTemplateSchedule?: TTemplateSchedule };

/** The template sync's schedule, once per process, beside the dispatcher (lib/templates/schedule.ts). */
export function startTemplateSync(): void {
  if (env.TEMPLATE_SYNC_HOURS === 0 || globalForTemplates.ssgTemplateSchedule) return;
  globalForTemplates.ssgTemplateSchedule = startTemplateSchedule(getWhatsAppClient(), { intervalMs: env.TEMPLATE_SYNC_HOURS * 3_600_000 });
}

export function stopTemplateSync(): void {
  globalForTemplates.ssgTemplateSchedule?.stop();
  globalForTemplates.ssgTemplateSchedule = undefined;
}

const globalForDoctor = globalThis as unknown as { ssgDoctorSchedule?: TDoctorSchedule };

/** The WhatsApp set-up doctor every WHATSAPP_DOCTOR_HOURS, once per process (lib/whatsapp-setup/schedule.ts). */
export function startDoctorChecks(): void {
  if (env.WHATSAPP_DOCTOR_HOURS === 0 || globalForDoctor.ssgDoctorSchedule) return;
  globalForDoctor.ssgDoctorSchedule = startDoctorSchedule({ intervalMs: env.WHATSAPP_DOCTOR_HOURS * 3_600_000 });
}

export function stopDoctorChecks(): void {
  globalForDoctor.ssgDoctorSchedule?.stop();
  globalForDoctor.ssgDoctorSchedule = undefined;
}
