// A quote's life: new → quoted → accepted / declined / expired / cancelled. Which moves are
// allowed lives here and only here, so pages and actions cannot disagree.
import { AppError } from "@/lib/errors";

export const QUOTE_STATUSES = ["new", "quoted", "accepted", "declined", "expired", "cancelled"] as const;
export type TQuoteStatus = (typeof QUOTE_STATUSES)[number];

export const QUOTE_STATUS_LABEL: Record<TQuoteStatus, string> = {
  new: "New",
  quoted: "Quoted",
  accepted: "Accepted",
  declined: "Declined",
  expired: "Expired",
  cancelled: "Cancelled",
};

// A quoted price may be answered again (a corrected amount), so quoted → quoted is allowed
// through answerQuote; the status buttons offer only real changes.
const NEXT: Record<TQuoteStatus, readonly TQuoteStatus[]> = {
  new: ["quoted", "cancelled", "expired"],
  quoted: ["quoted", "accepted", "declined", "expired", "cancelled"],
  accepted: [],
  declined: [],
  expired: [],
  cancelled: [],
};

export function isQuoteStatus(value: string): value is TQuoteStatus {
  return (QUOTE_STATUSES as readonly string[]).includes(value);
}

export function allowedNextStatuses(from: string): readonly TQuoteStatus[] {
  return isQuoteStatus(from) ? NEXT[from] : [];
}

export function assertTransition(from: string, to: TQuoteStatus): void {
  if (allowedNextStatuses(from).includes(to)) return;
  const fromLabel = isQuoteStatus(from) ? QUOTE_STATUS_LABEL[from] : from;
  if (to === "quoted") throw new AppError("conflict", `This quote is ${fromLabel.toLowerCase()}; it cannot be answered any more.`);
  throw new AppError("conflict", `A quote that is ${fromLabel.toLowerCase()} cannot become ${QUOTE_STATUS_LABEL[to].toLowerCase()}.`);
}
