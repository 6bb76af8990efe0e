// A quote's life: new → quoted → accepted / declined / expired / cancelled. Which moves are
// allowed lives here and only here, so pages, actions and commands cannot disagree.
// Client-safe (no server imports): the status buttons and badges use it too.
import { z } from "zod";
import { ZMultilineTextSchema, ZTextSchema } from "@/lib/zod/text";
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

/** The badge colour of each status (the tones of components/ui/badge). */
export type TQuoteStatusTone = "neutral" | "info" | "success" | "warning" | "danger" | "brand";

export const QUOTE_STATUS_TONE: Record<TQuoteStatus, TQuoteStatusTone> = {
  new: "brand", // waiting for us: the one that needs attention
  quoted: "info", // waiting for the customer
  accepted: "success",
  declined: "neutral",
  expired: "warning",
  cancelled: "neutral",
};

// quoted → quoted is a re-answer: the admin corrects the price or the message before the customer
// decides. It is allowed (and kept in the timeline) because a wrong price is worse than a second
// message. Only answerQuote makes that move; the status buttons offer real changes only.
// accepted, declined, expired and cancelled are final: a new request is a new quote.
const NEXT: Record<TQuoteStatus, readonly TQuoteStatus[]> = {
  new: ["quoted", "cancelled", "expired"],
  quoted: ["quoted", "accepted", "declined", "expired", "cancelled"],
  accepted: [],
  declined: [],
  expired: [],
  cancelled: [],
};

/** The statuses an admin sets with a button; "quoted" is set by answering. */
export const MANUAL_STATUS_TARGETS = ["accepted", "declined", "expired", "cancelled"] as const;
export type TManualStatusTarget = (typeof MANUAL_STATUS_TARGETS)[number];

export function isQuoteStatus(value: string): value is TQuoteStatus {
  return (QUOTE_STATUSES as readonly string[]).includes(value);
}

export function isFinalStatus(status: string): boolean {
  return allowedNextStatuses(status).length === 0;
}

export function allowedNextStatuses(from: string): readonly TQuoteStatus[] {
  return isQuoteStatus(from) ? NEXT[from] : [];
}

/** The status buttons to show for a quote in `from`. */
export function manualTargetsFrom(from: string): TManualStatusTarget[] {
  const allowed = allowedNextStatuses(from);
  return MANUAL_STATUS_TARGETS.filter((to) => allowed.includes(to));
}

export function statusLabel(status: string): string {
  return isQuoteStatus(status) ? QUOTE_STATUS_LABEL[status] : status;
}

/** Throws AppError("conflict") with a sentence an admin understands when `from → to` is not allowed. */
export function assertTransition(from: string, to: TQuoteStatus): void {
  if (allowedNextStatuses(from).includes(to)) return;
  const fromLabel = statusLabel(from).toLowerCase();
  if (to === "quoted") throw new AppError("conflict", `This quote is ${fromLabel}; it cannot be answered any more.`);
  throw new AppError("conflict", `A quote that is ${fromLabel} cannot become ${QUOTE_STATUS_LABEL[to].toLowerCase()}.`);
}

/** A status button's input, shared by the buttons and the server action. */
export const ZChangeQuoteStatusSchema = z.object({
  quoteId: ZTextSchema.min(1),
  to: z.enum(MANUAL_STATUS_TARGETS),
  note: ZMultilineTextSchema.trim()
    .max(500, "Keep the note under 500 characters.")
    .optional()
    .transform((note) => note || undefined),
  // The status the admin was looking at: if someone else changed it since, the change is refused
  // instead of silently applying to a quote the admin has not seen.
  expectedStatus: z.enum(QUOTE_STATUSES).optional(),
});

export type TChangeQuoteStatusInput = z.input<typeof ZChangeQuoteStatusSchema>;
export type TChangeQuoteStatus = z.output<typeof ZChangeQuoteStatusSchema>;
