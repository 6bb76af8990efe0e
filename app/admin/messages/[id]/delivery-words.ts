// What the message page says about a fallback to email, in words that are true: "sent by email
// instead" only once an email was in fact sent; before that, or when it could not be, it says
// so. Pure, so each wording is unit-tested.

type TAttempt = { channel: string; outcome: string | null; errorCode: string | null };

export type TFallbackNote = { tone: "warning" | "danger"; lead: string; reason: string };

const REACHED = ["sent", "accepted", "delivered", "read"];
const CHANNEL = { email: "email", whatsapp: "WhatsApp" } as const;

/** The channel it went by instead of the one asked for (an automatic message's fallback, either way). */
export function fallbackNote(message: { channel: string; status: string; fallbackReason: string | null }): TFallbackNote | null {
  if (!message.fallbackReason) return null;
  const used = message.channel === "whatsapp" ? "whatsapp" : "email";
  const instead = `${CHANNEL[used]} instead of ${CHANNEL[used === "email" ? "whatsapp" : "email"]}`;
  if (REACHED.includes(message.status)) return { tone: "warning", lead: `Sent by ${instead}: `, reason: message.fallbackReason };
  if (message.status === "failed" || message.status === "uncertain") {
    return { tone: "danger", lead: `By ${instead}, but it did not go out: `, reason: message.fallbackReason };
  }
  return { tone: "warning", lead: `Going by ${instead} (not sent yet): `, reason: message.fallbackReason };
}

/**
 * The outcome of one try, in words. A WhatsApp refusal that sent the message on to email says
 * whether an email then went out: the next try tells (accepted by email, or no address at all).
 */
export function attemptOutcomeLabel(attempts: readonly TAttempt[], index: number): string {
  const attempt = attempts[index];
  if (!attempt?.outcome) return "—";
  if (attempt.outcome !== "fallback") return OUTCOME_LABEL[attempt.outcome] ?? attempt.outcome;
  const next = attempts[index + 1];
  if (!next || next.outcome === null) return "Refused by WhatsApp: trying email next";
  if (next.channel === "email" && next.outcome === "accepted") return "Refused by WhatsApp: sent by email instead";
  if (next.errorCode === "no_channel") return "Refused by WhatsApp: no email address to send it to instead";
  return "Refused by WhatsApp: email tried instead";
}

const OUTCOME_LABEL: Record<string, string> = {
  accepted: "Accepted",
  retry: "Will retry",
  failed: "Failed",
  uncertain: "No answer (uncertain)",
  confirmed: "Confirmed",
};
