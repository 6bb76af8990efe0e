// What one try of a claimed message will send: the channel, the content, the address. Pure
// given the loaded rows, so the dispatcher's decisions are unit-tested without a database.
import { STORED_ACCEPT_LINK, acceptLinkFor } from "@/lib/quotes/accept-link";
import { composeEmail, composeWhatsAppTemplate, composeWhatsAppText, type TComposed } from "@/lib/notifications/compose";
import type { TNotificationSettingValue } from "@/lib/notifications/defaults";
import { fieldValues, type TFieldSource } from "@/lib/notifications/fields";
import { chooseChannel } from "@/lib/outbox/channel";
import { withEmailProof } from "@/lib/customers/email-proof";
import type { TRecipient } from "@/lib/customers/recipient";
import { isOptOutConfirmation } from "@/lib/customers/opt-out-words";
import { whatsappAddress, whatsappEligibility } from "@/lib/messages/whatsapp-eligibility";

export type TAttemptSummary = { number: number; outcome: string | null; errorCode: string | null; errorTitle: string | null; errorDetail: string | null };

export type TPlanInput = {
  message: {
    id: string;
    event: string | null;
    /** Who queued it ("admin", "system:<event>"): the opt-out confirmation is told apart by it. */
    origin?: string;
    channel: string;
    kind: string;
    body: string | null;
    templateName: string | null;
    templateLanguage: string | null;
    templateParams: string | null;
    templateButtonParam?: string | null;
    subject: string | null;
  };
  /** Where this message goes: the quote's contact details (lib/customers/recipient.ts). */
  customer: TRecipient;
  quote: (NonNullable<TFieldSource["quote"]> & { id: string; status: string; answeredAt: Date | null }) | null;
  order: TFieldSource["order"];
  setting: TNotificationSettingValue | null;
  attempts: readonly TAttemptSummary[];
  now: Date;
};

export type TPlan =
  | { send: false; reason: string }
  | { send: true; to: string; content: TComposed; fallbackReason: string | null; secret: string | null };

/** The tries since the message last ended (failed or uncertain): an admin's Retry starts afresh. */
export function currentRun<T extends { outcome: string | null }>(attempts: readonly T[]): readonly T[] {
  let start = 0;
  attempts.forEach((attempt, index) => {
    if (attempt.outcome === "failed" || attempt.outcome === "uncertain") start = index + 1;
  });
  return attempts.slice(start);
}

/** The WhatsApp refusal that sent this message to email (a permanent error on an earlier try). */
function whatsappRefusal(attempts: readonly TAttemptSummary[]): string | null {
  const refused = [...attempts].reverse().find((attempt) => attempt.outcome === "fallback");
  return refused ? `WhatsApp refused it: ${refused.errorTitle ?? "error"} (code ${refused.errorCode ?? "?"}).` : null;
}

export function planAttempt(input: TPlanInput): TPlan {
  const { message, customer } = input;
  if (!message.event) return planFixedMessage(input);
  if (!input.setting) return { send: false, reason: `The event "${message.event}" is not known to this version.` };

  const run = currentRun(input.attempts);
  const choice = chooseChannel({
    customer,
    event: message.event,
    templateName: input.setting.templateName,
    now: input.now,
    whatsappRefused: whatsappRefusal(run),
    windowClosedByMeta: run.some((attempt) => attempt.errorCode === "131047"),
  });
  if (choice.channel === null) return { send: false, reason: choice.reason };

  const link = acceptLinkFor(input.quote, input.now);
  // An emailed link also proves the address it was sent to, when it is opened.
  const shownLink = link && choice.channel === "email" && input.quote ? { ...link, url: withEmailProof(link.url, input.quote.id, customer.email!) } : link;
  const values = fieldValues({ customer, quote: input.quote, order: input.order, acceptLink: shownLink });
  const content =
    choice.channel === "email"
      ? composeEmail(input.setting, values)
      : choice.mode === "text"
        ? composeWhatsAppText(input.setting, values)
        : composeWhatsAppTemplate(input.setting, values);
  const to = choice.channel === "email" ? customer.email! : whatsappAddress(customer)!;
  return { send: true, to, content, fallbackReason: choice.fallbackReason, secret: link?.token ?? null };
}

/**
 * A message an admin wrote: sent as written, by WhatsApp, the channel the admin chose, while the
 * customer still may be messaged there (they may have sent STOP since it was queued). The reply
 * confirming an opt-out is the one message an opted-out customer still gets.
 */
function planFixedMessage(input: TPlanInput): TPlan {
  const { message, customer } = input;
  if (message.channel !== "whatsapp") return { send: false, reason: "Messages written by an admin are sent by WhatsApp only." };
  const address = whatsappAddress(customer);
  if (!address) return { send: false, reason: "This customer has no WhatsApp number on record." };
  if (!isOptOutConfirmation(message.origin)) {
    const eligibility = whatsappEligibility(customer, input.now);
    if (!eligibility.ok) return { send: false, reason: eligibility.reason };
  }
  if (message.kind === "template" && message.templateName) {
    const parameters = message.templateParams ? (JSON.parse(message.templateParams) as string[]) : [];
    let buttonUrlParameter = message.templateButtonParam ?? undefined;
    let secret: string | null = null;
    if (buttonUrlParameter === STORED_ACCEPT_LINK) {
      const link = acceptLinkFor(input.quote, input.now);
      if (!link) {
        return { send: false, reason: "The template's button opens the quote's accept link, which is no longer valid: the quote was answered again, answered by the customer, or has expired." };
      }
      buttonUrlParameter = link.path;
      secret = link.token;
    }
    return {
      send: true,
      to: address,
      content: { channel: "whatsapp", kind: "template", templateName: message.templateName, language: message.templateLanguage ?? "en", parameters, buttonUrlParameter, missing: [] },
      fallbackReason: null,
      secret,
    };
  }
  if (message.kind === "text" && message.body) {
    return { send: true, to: address, content: { channel: "whatsapp", kind: "text", body: message.body, missing: [] }, fallbackReason: null, secret: null };
  }
  return { send: false, reason: "This message has no content to send." };
}
