// An order's life: confirmed → in production → ready → out for delivery → delivered, or cancelled
// before it is delivered. Which moves are allowed lives here and only here, so pages, actions and
// commands cannot disagree. Client-safe (no server imports): the status buttons use it too.
import { z } from "zod";
import { ZMultilineTextSchema, ZTextSchema } from "@/lib/zod/text";
import { AppError } from "@/lib/errors";

export const ORDER_STATUSES = ["confirmed", "in_production", "ready", "out_for_delivery", "delivered", "cancelled"] as const;
export type TOrderStatus = (typeof ORDER_STATUSES)[number];

/** The pipeline in order, without "cancelled" (which leaves it). */
export const ORDER_PIPELINE = ["confirmed", "in_production", "ready", "out_for_delivery", "delivered"] as const satisfies readonly TOrderStatus[];

export const ORDER_STATUS_LABEL: Record<TOrderStatus, string> = {
  confirmed: "Confirmed",
  in_production: "In production",
  ready: "Ready",
  out_for_delivery: "Out for delivery",
  delivered: "Delivered",
  cancelled: "Cancelled",
};

export const ORDER_STATUS_TONE: Record<TOrderStatus, "neutral" | "info" | "success" | "warning" | "danger" | "brand"> = {
  confirmed: "brand",
  in_production: "info",
  ready: "info",
  out_for_delivery: "warning",
  delivered: "success",
  cancelled: "neutral",
};

// One step forward at a time, so every stage reaches the customer as its own message. The one
// step back, out for delivery → ready, is a delivery that did not happen (nobody home): the
// order goes back to the shelf rather than being marked delivered. Delivered and cancelled are
// final.
const NEXT: Record<TOrderStatus, readonly TOrderStatus[]> = {
  confirmed: ["in_production", "cancelled"],
  in_production: ["ready", "cancelled"],
  ready: ["out_for_delivery", "cancelled"],
  out_for_delivery: ["delivered", "ready", "cancelled"],
  delivered: [],
  cancelled: [],
};

/** Open orders: not yet delivered or cancelled. */
export const OPEN_ORDER_STATUSES = ORDER_STATUSES.filter((status) => NEXT[status].length > 0);

export function isOrderStatus(value: string): value is TOrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}

export function allowedNextOrderStatuses(from: string): readonly TOrderStatus[] {
  return isOrderStatus(from) ? NEXT[from] : [];
}

export function orderStatusLabel(status: string): string {
  return isOrderStatus(status) ? ORDER_STATUS_LABEL[status] : status;
}

/** Throws AppError("conflict") with a sentence an admin understands when `from → to` is not allowed. */
export function assertOrderTransition(from: string, to: TOrderStatus): void {
  if (allowedNextOrderStatuses(from).includes(to)) return;
  const fromLabel = orderStatusLabel(from).toLowerCase();
  if (from === to) throw new AppError("conflict", `This order is ${fromLabel} already.`);
  if (allowedNextOrderStatuses(from).length === 0) throw new AppError("conflict", `This order is ${fromLabel}; its status cannot change any more.`);
  throw new AppError("conflict", `An order that is ${fromLabel} cannot become ${ORDER_STATUS_LABEL[to].toLowerCase()}.`);
}

export const ZChangeOrderStatusSchema = z.object({
  orderId: ZTextSchema.min(1),
  to: z.enum(ORDER_STATUSES),
  note: ZMultilineTextSchema.trim()
    .max(500, "Keep the note under 500 characters.")
    .optional()
    .transform((note) => note || undefined),
  // The status the admin was looking at; a change made meanwhile by someone else refuses this one.
  expectedStatus: z.enum(ORDER_STATUSES),
});
export type TChangeOrderStatusInput = z.input<typeof ZChangeOrderStatusSchema>;
