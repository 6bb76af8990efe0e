import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  allowedNextOrderStatuses,
  assertOrderTransition,
  isOrderStatus,
  OPEN_ORDER_STATUSES,
  ORDER_PIPELINE,
  ORDER_STATUSES,
  ORDER_STATUS_LABEL,
  ORDER_STATUS_TONE,
  orderStatusLabel,
  ZChangeOrderStatusSchema,
  type TOrderStatus,
} from "@/lib/orders/status";

/** Every move the business allows; anything else must be refused. */
const ALLOWED: ReadonlyArray<readonly [TOrderStatus, TOrderStatus]> = [
  ["confirmed", "in_production"],
  ["in_production", "ready"],
  ["ready", "out_for_delivery"],
  ["out_for_delivery", "delivered"],
  ["out_for_delivery", "ready"],
  ["confirmed", "cancelled"],
  ["in_production", "cancelled"],
  ["ready", "cancelled"],
  ["out_for_delivery", "cancelled"],
];

const isAllowed = (from: TOrderStatus, to: TOrderStatus) => ALLOWED.some(([a, b]) => a === from && b === to);

function conflictOf(fn: () => void): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("conflict");
    expect((error as AppError).httpStatus).toBe(409);
    return error as AppError;
  }
  throw new Error("expected the transition to be refused");
}

describe("order status moves", () => {
  it("walks the pipeline one step at a time", () => {
    expect(ORDER_PIPELINE).toEqual(["confirmed", "in_production", "ready", "out_for_delivery", "delivered"]);
    for (let i = 0; i < ORDER_PIPELINE.length - 1; i++) {
      expect(() => assertOrderTransition(ORDER_PIPELINE[i]!, ORDER_PIPELINE[i + 1]!)).not.toThrow();
    }
  });

  it("lists exactly the allowed next statuses for each status", () => {
    expect(allowedNextOrderStatuses("confirmed")).toEqual(["in_production", "cancelled"]);
    expect(allowedNextOrderStatuses("in_production")).toEqual(["ready", "cancelled"]);
    expect(allowedNextOrderStatuses("ready")).toEqual(["out_for_delivery", "cancelled"]);
    expect([...allowedNextOrderStatuses("out_for_delivery")].sort()).toEqual(["cancelled", "delivered", "ready"]);
    expect(allowedNextOrderStatuses("delivered")).toEqual([]);
    expect(allowedNextOrderStatuses("cancelled")).toEqual([]);
  });

  it("allows every listed move and refuses every other pair of statuses", () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        if (isAllowed(from, to)) {
          expect(() => assertOrderTransition(from, to), `${from} → ${to}`).not.toThrow();
          expect(allowedNextOrderStatuses(from)).toContain(to);
        } else {
          conflictOf(() => assertOrderTransition(from, to));
          expect(allowedNextOrderStatuses(from)).not.toContain(to);
        }
      }
    }
  });

  it("lets an open order be cancelled from any open status", () => {
    for (const from of ["confirmed", "in_production", "ready", "out_for_delivery"] as const) {
      expect(() => assertOrderTransition(from, "cancelled")).not.toThrow();
    }
  });

  it("takes a failed delivery back to ready, but no other step back", () => {
    expect(() => assertOrderTransition("out_for_delivery", "ready")).not.toThrow();
    expect(conflictOf(() => assertOrderTransition("ready", "in_production")).message).toBe(
      "An order that is ready cannot become in production.",
    );
    expect(conflictOf(() => assertOrderTransition("in_production", "confirmed")).message).toBe(
      "An order that is in production cannot become confirmed.",
    );
    expect(conflictOf(() => assertOrderTransition("out_for_delivery", "in_production")).message).toBe(
      "An order that is out for delivery cannot become in production.",
    );
  });

  it("refuses skipping a stage with a sentence naming both statuses", () => {
    expect(conflictOf(() => assertOrderTransition("confirmed", "ready")).message).toBe("An order that is confirmed cannot become ready.");
    expect(conflictOf(() => assertOrderTransition("confirmed", "delivered")).message).toBe("An order that is confirmed cannot become delivered.");
    expect(conflictOf(() => assertOrderTransition("in_production", "out_for_delivery")).message).toBe(
      "An order that is in production cannot become out for delivery.",
    );
    expect(conflictOf(() => assertOrderTransition("ready", "delivered")).message).toBe("An order that is ready cannot become delivered.");
  });

  it("says the order is in that status already when from equals to", () => {
    expect(conflictOf(() => assertOrderTransition("ready", "ready")).message).toBe("This order is ready already.");
    expect(conflictOf(() => assertOrderTransition("out_for_delivery", "out_for_delivery")).message).toBe("This order is out for delivery already.");
    expect(conflictOf(() => assertOrderTransition("delivered", "delivered")).message).toBe("This order is delivered already.");
    expect(conflictOf(() => assertOrderTransition("cancelled", "cancelled")).message).toBe("This order is cancelled already.");
  });

  it("keeps delivered and cancelled final", () => {
    for (const from of ["delivered", "cancelled"] as const) {
      for (const to of ORDER_STATUSES.filter((status) => status !== from)) {
        expect(conflictOf(() => assertOrderTransition(from, to)).message).toBe(`This order is ${from}; its status cannot change any more.`);
      }
    }
  });

  it("refuses any move from an unknown status", () => {
    expect(allowedNextOrderStatuses("shipped")).toEqual([]);
    expect(conflictOf(() => assertOrderTransition("shipped", "delivered")).message).toBe("This order is shipped; its status cannot change any more.");
  });
});

describe("OPEN_ORDER_STATUSES", () => {
  it("holds the statuses that are neither delivered nor cancelled", () => {
    expect([...OPEN_ORDER_STATUSES]).toEqual(["confirmed", "in_production", "ready", "out_for_delivery"]);
  });
});

describe("order status labels", () => {
  it("recognises the statuses and labels them", () => {
    for (const status of ORDER_STATUSES) {
      expect(isOrderStatus(status)).toBe(true);
      expect(orderStatusLabel(status)).toBe(ORDER_STATUS_LABEL[status]);
      expect(ORDER_STATUS_TONE[status]).toBeTruthy();
    }
    expect(orderStatusLabel("out_for_delivery")).toBe("Out for delivery");
    expect(orderStatusLabel("in_production")).toBe("In production");
    expect(isOrderStatus("Confirmed")).toBe(false);
    expect(isOrderStatus("")).toBe(false);
    expect(orderStatusLabel("mystery")).toBe("mystery");
  });
});

describe("ZChangeOrderStatusSchema", () => {
  const valid = { orderId: "ord_1", to: "ready", expectedStatus: "in_production" };

  it("accepts a change and drops an empty note", () => {
    expect(ZChangeOrderStatusSchema.parse(valid)).toEqual({ orderId: "ord_1", to: "ready", expectedStatus: "in_production", note: undefined });
    expect(ZChangeOrderStatusSchema.parse({ ...valid, note: "   " }).note).toBeUndefined();
    expect(ZChangeOrderStatusSchema.parse({ ...valid, note: "" }).note).toBeUndefined();
  });

  it("trims the note", () => {
    expect(ZChangeOrderStatusSchema.parse({ ...valid, note: "  Nobody home  " }).note).toBe("Nobody home");
  });

  it("refuses a note over 500 characters with a readable message, after trimming", () => {
    expect(ZChangeOrderStatusSchema.parse({ ...valid, note: `  ${"x".repeat(500)}  ` }).note).toHaveLength(500);
    const result = ZChangeOrderStatusSchema.safeParse({ ...valid, note: "x".repeat(501) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Keep the note under 500 characters.");
    expect(result.error?.issues[0]?.path).toEqual(["note"]);
  });

  it("refuses unknown statuses, an empty order id and a missing expected status", () => {
    expect(ZChangeOrderStatusSchema.safeParse({ ...valid, to: "shipped" }).success).toBe(false);
    expect(ZChangeOrderStatusSchema.safeParse({ ...valid, expectedStatus: "new" }).success).toBe(false);
    expect(ZChangeOrderStatusSchema.safeParse({ ...valid, orderId: "" }).success).toBe(false);
    expect(ZChangeOrderStatusSchema.safeParse({ orderId: "ord_1", to: "ready" }).success).toBe(false);
  });

  it("accepts every order status as target and expected status", () => {
    for (const status of ORDER_STATUSES) {
      expect(ZChangeOrderStatusSchema.safeParse({ ...valid, to: status, expectedStatus: status }).success).toBe(true);
    }
  });
});
