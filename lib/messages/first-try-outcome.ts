// What the admin's send dialog says once the dispatcher's first try of their message has ended:
// Meta took it, it was refused (with the stored words), its outcome is unknown, or it failed for
// now and is tried again. Pure and client-safe: the status route and the dialog share it.
export type TSendOutcome =
  | { ok: true; messageId: string; wamid: string }
  | { ok: false; messageId: string; status: "failed" | "uncertain" | "queued"; title: string; action: string };

export type TFirstTryState = { id: string; status: string; attempts: number; providerMessageId: string | null; errorTitle: string | null; errorDetail: string | null };

/** The outcome once the first try has ended; null while it has not. */
export function firstTryOutcome(message: TFirstTryState): TSendOutcome | null {
  if (message.providerMessageId) return { ok: true, messageId: message.id, wamid: message.providerMessageId };
  if (message.status === "failed" || message.status === "uncertain") {
    return { ok: false, messageId: message.id, status: message.status, title: message.errorTitle ?? "Not sent", action: message.errorDetail ?? "" };
  }
  // Held before any call (a token Meta refuses, the messaging limit): the reason is the outcome.
  if (message.status === "queued" && (message.attempts > 0 || message.errorTitle !== null)) {
    const reason = [message.errorDetail, "It will be tried again automatically; follow it in the message history."].filter(Boolean).join(" ");
    return { ok: false, messageId: message.id, status: "queued", title: message.errorTitle ?? "Not sent yet", action: reason };
  }
  return null;
}

/** Said when the first try has not ended in time (the sender is busy or not running). */
export function stillQueued(messageId: string): TSendOutcome {
  return { ok: false, messageId, status: "queued", title: "Queued", action: "The message is queued and goes out as soon as the sender gets to it; follow it in the message history." };
}
