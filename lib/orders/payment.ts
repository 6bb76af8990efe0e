// The payment state is derived from the money received, never stored beside it, so the two
// cannot disagree. Client-safe.
export const PAYMENT_STATES = ["unpaid", "deposit", "paid"] as const;
export type TPaymentState = (typeof PAYMENT_STATES)[number];

export const PAYMENT_STATE_LABEL: Record<TPaymentState, string> = {
  unpaid: "Unpaid",
  deposit: "Deposit paid",
  paid: "Paid",
};

export function paymentState(order: { totalCents: number; paidCents: number }): TPaymentState {
  if (order.paidCents <= 0) return "unpaid";
  return order.paidCents >= order.totalCents ? "paid" : "deposit";
}

/** What is still owed, never below zero. */
export function balanceCents(order: { totalCents: number; paidCents: number }): number {
  return Math.max(0, order.totalCents - order.paidCents);
}
