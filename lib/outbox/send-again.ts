// Loads what the send-again rule (./send-again-rule.ts) needs for messages: the details each
// would go to now (the quote's, as the dispatcher uses them) and its event's template. One read
// for a whole list page; the message page and Retry ask about one.
import "server-only";
import type { TDb, TTx } from "@/lib/db";
import { db } from "@/lib/db";
import { CUSTOMER_CONTACT_SELECT, QUOTE_CONTACT_SELECT, recipientFor } from "@/lib/customers/recipient";
import { isNotificationEvent } from "@/lib/notifications/events";
import { listNotificationSettings } from "@/lib/notifications/settings";
import { sendAgainVerdict, type TSendAgainVerdict } from "@/lib/outbox/send-again-rule";

/** A verdict per message id; none for a message that is not there or has no customer (the retry itself says why). */
export async function sendAgainVerdicts(messageIds: readonly string[], client: TDb | TTx = db, now = new Date()): Promise<Map<string, TSendAgainVerdict>> {
  const verdicts = new Map<string, TSendAgainVerdict>();
  if (messageIds.length === 0) return verdicts;
  const messages = await client.message.findMany({
    where: { id: { in: [...messageIds] } },
    select: {
      id: true,
      event: true,
      origin: true,
      channel: true,
      customer: { select: CUSTOMER_CONTACT_SELECT },
      quote: { select: QUOTE_CONTACT_SELECT },
      order: { select: { quote: { select: QUOTE_CONTACT_SELECT } } },
    },
  });
  // Every event's template in one read, and only when a message was queued by an event.
  const templateNames = new Map<string, string | null>();
  if (messages.some((message) => message.event && isNotificationEvent(message.event))) {
    for (const setting of await listNotificationSettings(client)) templateNames.set(setting.event, setting.templateName);
  }
  for (const message of messages) {
    if (!message.customer) continue;
    const recipient = recipientFor(message.customer, message.quote ?? message.order?.quote ?? null);
    verdicts.set(message.id, sendAgainVerdict(message, recipient, (message.event && templateNames.get(message.event)) ?? null, now));
  }
  return verdicts;
}

/** Null for a message that is not there or has no customer (the retry itself says why). */
export async function sendAgainVerdictFor(messageId: string, client: TDb | TTx = db, now = new Date()): Promise<TSendAgainVerdict | null> {
  return (await sendAgainVerdicts([messageId], client, now)).get(messageId) ?? null;
}
