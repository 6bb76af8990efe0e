// Loads what the send-again rule (./send-again-rule.ts) needs for one message: the details it
// would go to now (the quote's, as the dispatcher uses them) and its event's template.
import "server-only";
import type { TDb, TTx } from "@/lib/db";
import { db } from "@/lib/db";
import { CUSTOMER_CONTACT_SELECT, QUOTE_CONTACT_SELECT, recipientFor } from "@/lib/customers/recipient";
import { isNotificationEvent } from "@/lib/notifications/events";
import { getNotificationSetting } from "@/lib/notifications/settings";
import { sendAgainVerdict, type TSendAgainVerdict } from "@/lib/outbox/send-again-rule";

/** Null for a message that is not there or has no customer (the retry itself says why). */
export async function sendAgainVerdictFor(messageId: string, client: TDb | TTx = db, now = new Date()): Promise<TSendAgainVerdict | null> {
  const message = await client.message.findUnique({
    where: { id: messageId },
    select: {
      event: true,
      origin: true,
      channel: true,
      customer: { select: CUSTOMER_CONTACT_SELECT },
      quote: { select: QUOTE_CONTACT_SELECT },
      order: { select: { quote: { select: QUOTE_CONTACT_SELECT } } },
    },
  });
  if (!message?.customer) return null;
  const recipient = recipientFor(message.customer, message.quote ?? message.order?.quote ?? null);
  const setting = message.event && isNotificationEvent(message.event) ? await getNotificationSetting(client, message.event) : null;
  return sendAgainVerdict(message, recipient, setting?.templateName ?? null, now);
}
