// What follows when Meta refuses a WhatsApp message for good: in its answer to the send
// (lib/outbox/policy.ts) or later, by a failed status webhook (./late-failure.ts). One rule for
// both, so a message Meta fails late goes where it would have gone had Meta refused it at once.
// Pure, so every case is unit-tested.
//
// - 131047 on free text (the customer's 24-hour window is closed): an automatic message is tried
//   again at once. The next try reads the code on this one (lib/outbox/plan.ts) and takes the
//   event's template if the customer can still get WhatsApp, else email, else fails with the reason
//   (lib/outbox/channel.ts); a paused or rejected template is refused before Meta is called and the
//   message goes by email (lib/templates/send-check.ts).
// - Any other permanent refusal of an automatic message: the next try goes by email.
// - A message an admin wrote is never re-sent by itself: it stays failed, with the reason.

/** Meta's code for free text outside the customer service window. */
export const WINDOW_CLOSED_CODE = 131047;

export function isWindowClosed(code: number | string): boolean {
  return Number(code) === WINDOW_CLOSED_CODE;
}

export type TWhatsAppRefusal = {
  /** Meta's error code. */
  code: number | string;
  /** The refused try was a template (a template refused with 131047 cannot turn into one). */
  template: boolean;
  /** Queued by an event, not written by an admin. */
  automatic: boolean;
};

/** `outcome` is what the refused try is marked with: the next try's plan reads it. */
export type TAfterRefusal = { next: "template"; outcome: "retry" } | { next: "fallback"; outcome: "fallback" } | { next: "failed"; outcome: "failed" };

export function afterWhatsAppRefusal(refusal: TWhatsAppRefusal): TAfterRefusal {
  if (!refusal.automatic) return { next: "failed", outcome: "failed" };
  if (!refusal.template && isWindowClosed(refusal.code)) return { next: "template", outcome: "retry" };
  return { next: "fallback", outcome: "fallback" };
}
