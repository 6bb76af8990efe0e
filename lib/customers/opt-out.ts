// A customer's STOP or START on WhatsApp, applied in the transaction that stores their message.
// STOP (or UNSUBSCRIBE, or a word set in settings, or a tapped opt-out button such as Meta's
// "Stop promotions": lib/customers/opt-out-words.ts) opts them out of business-initiated WhatsApp;
// START opts them back in, as consent given by the customer. Each change is written as a
// ConsentEvent from the customer and answered once, inside the window their message just opened,
// through the outbox. A repeat (STOP while opted out) changes nothing and is not answered again;
// a START older than the opt-out it would undo (a late webhook) does not undo it.
import "server-only";
import type { TTx } from "@/lib/db";
import { env } from "@/lib/env";
import { createQueuedMessage } from "@/lib/message-lifecycle/transitions";
import {
  OPT_IN_CONFIRMATION_ORIGIN,
  OPT_OUT_CONFIRMATION_ORIGIN,
  WHATSAPP_CONSENT_SOURCE,
  keywordOfWords,
  parseStoredWords,
  type TKeyword,
  type TKeywordWords,
} from "@/lib/customers/opt-out-words";

export const OPT_OUT_SETTING_ID = "whatsapp";

/** The words the rule reads (a text, or a tapped quick-reply button's text and payload: keywordWordsOf), and where they came from. */
export type TKeywordMessage = TKeywordWords & {
  customerId: string;
  /** The inbound message's wamid: the confirmation's idempotency key is made from it. */
  wamid: string;
  /** When the customer sent it. */
  at: Date;
};

export type TKeywordOutcome = { keyword: TKeyword; changed: boolean; confirmationId: string | null } | null;

export function confirmationText(keyword: TKeyword): string {
  return keyword === "opt_out"
    ? `You will no longer get WhatsApp messages from ${env.BUSINESS_NAME}. To get them again, reply START.`
    : `You will get WhatsApp messages from ${env.BUSINESS_NAME} again. To stop them, reply STOP.`;
}

/** The extra opt-out words set in settings, in their compared form. */
export async function extraOptOutWords(client: Pick<TTx, "optOutSetting">): Promise<string[]> {
  const row = await client.optOutSetting.findUnique({ where: { id: OPT_OUT_SETTING_ID }, select: { words: true } });
  return parseStoredWords(row?.words);
}

/** Applies the message if it is a keyword; null when it is not one. */
export async function applyWhatsAppKeyword(tx: TTx, message: TKeywordMessage, now = new Date()): Promise<TKeywordOutcome> {
  const keyword = message.text ? keywordOfWords(message, await extraOptOutWords(tx)) : null;
  if (!keyword) return null;
  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: message.customerId },
    select: { id: true, phone: true, whatsappUserId: true, whatsappConsentAt: true, whatsappOptedOutAt: true },
  });
  const changed = keyword === "opt_out" ? await optOut(tx, customer, message) : await optIn(tx, customer, message);
  if (!changed) return { keyword, changed: false, confirmationId: null };
  await tx.consentEvent.create({
    data: {
      customerId: customer.id,
      channel: "whatsapp",
      action: keyword === "opt_out" ? "withdrawn" : "granted",
      source: WHATSAPP_CONSENT_SOURCE,
      text: `The customer ${message.button ? "tapped" : "wrote"} "${message.text.trim().slice(0, 100)}" on WhatsApp.`,
      createdAt: message.at,
    },
  });
  const confirmation = await createQueuedMessage(
    tx,
    {
      channel: "whatsapp",
      origin: keyword === "opt_out" ? OPT_OUT_CONFIRMATION_ORIGIN : OPT_IN_CONFIRMATION_ORIGIN,
      kind: "text",
      body: confirmationText(keyword),
      customerId: customer.id,
      recipient: customer.phone ?? customer.whatsappUserId,
      // One answer per keyword message, however often Meta delivers it.
      idempotencyKey: `whatsapp-keyword:${message.wamid}`,
      createdAt: now,
    },
    now,
  );
  return { keyword, changed: true, confirmationId: confirmation.id };
}

type TConsentRow = { id: string; whatsappConsentAt: Date | null; whatsappOptedOutAt: Date | null };

/**
 * Opted out from the message's time, unless already out. A STOP always wins over an earlier
 * consent, even one recorded after it was sent (a late webhook): in doubt, the customer is not
 * messaged, and START brings them back.
 */
async function optOut(tx: TTx, customer: TConsentRow, message: TKeywordMessage): Promise<boolean> {
  if (customer.whatsappOptedOutAt) return false;
  const { count } = await tx.customer.updateMany({ where: { id: customer.id, whatsappOptedOutAt: null }, data: { whatsappOptedOutAt: message.at } });
  return count === 1;
}

/** Consent from the customer, clearing an opt-out older than the message; nothing when already in. */
async function optIn(tx: TTx, customer: TConsentRow, message: TKeywordMessage): Promise<boolean> {
  if (customer.whatsappOptedOutAt ? customer.whatsappOptedOutAt > message.at : !!customer.whatsappConsentAt) return false;
  const { count } = await tx.customer.updateMany({
    where: { id: customer.id, whatsappOptedOutAt: customer.whatsappOptedOutAt },
    data: { whatsappConsentAt: message.at, whatsappConsentSource: WHATSAPP_CONSENT_SOURCE, whatsappOptedOutAt: null },
  });
  return count === 1;
}
