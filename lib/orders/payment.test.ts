import { describe, expect, it } from "vitest";
import { balanceCents, PAYMENT_STATE_LABEL, PAYMENT_STATES, paymentState } from "@/lib/orders/payment";

describe("paymentState", () => {
  it("is unpaid when nothing was received", () => {
    expect(paymentState({ totalCents: 50_000, paidCents: 0 })).toBe("unpaid");
  });

  it("is unpaid for a negative amount received (a refund beyond the deposit)", () => {
    expect(paymentState({ totalCents: 50_000, paidCents: -100 })).toBe("unpaid");
  });

  it("is a deposit when part of the total was received", () => {
    expect(paymentState({ totalCents: 50_000, paidCents: 1 })).toBe("deposit");
    expect(paymentState({ totalCents: 50_000, paidCents: 25_000 })).toBe("deposit");
    expect(paymentState({ totalCents: 50_000, paidCents: 49_999 })).toBe("deposit");
  });

  it("is paid at exactly the total and beyond it", () => {
    expect(paymentState({ totalCents: 50_000, paidCents: 50_000 })).toBe("paid");
    expect(paymentState({ totalCents: 50_000, paidCents: 60_000 })).toBe("paid");
  });

  it("labels every state", () => {
    expect(PAYMENT_STATES).toEqual(["unpaid", "deposit", "paid"]);
    expect(PAYMENT_STATE_LABEL).toEqual({ unpaid: "Unpaid", deposit: "Deposit paid", paid: "Paid" });
  });
});

describe("balanceCents", () => {
  it("is what is still owed", () => {
    expect(balanceCents({ totalCents: 50_000, paidCents: 0 })).toBe(50_000);
    expect(balanceCents({ totalCents: 50_000, paidCents: 20_000 })).toBe(30_000);
    expect(balanceCents({ totalCents: 50_000, paidCents: 50_000 })).toBe(0);
  });

  it("never goes below zero when more was paid than the total", () => {
    expect(balanceCents({ totalCents: 50_000, paidCents: 50_001 })).toBe(0);
    expect(balanceCents({ totalCents: 0, paidCents: 10_000 })).toBe(0);
  });
});
