// Server actions are public endpoints: each must check the session itself.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { TAdmin } from "@/lib/auth/session";
import { makeQuote, makeSignedInAdmin } from "@/test/factories";

let signedIn: TAdmin | null = null;
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => signedIn, requireAdmin: async () => signedIn }));
const revalidatePath = vi.fn();
vi.mock("next/cache", () => ({ revalidatePath: (...args: unknown[]) => revalidatePath(...args) }));

const { answerQuoteAction, changeQuoteStatusAction } = await import("./actions");
const { sendWhatsAppAction, simulateCustomerReplyAction } = await import("./whatsapp-actions");

const SIGNED_OUT = "Your session has ended. Sign in again to continue.";

beforeEach(() => {
  signedIn = null;
  revalidatePath.mockClear();
});

const unchanged = async (quoteId: string) => {
  expect(await db.quote.findUniqueOrThrow({ where: { id: quoteId } })).toMatchObject({ status: "new", quotedAmountCents: null, quoteMessage: null });
  expect(await db.quoteStatusEvent.count({ where: { quoteId } })).toBe(0);
};

describe("admin quote actions, signed out", () => {
  it("refuse an anonymous caller and change nothing", async () => {
    const quote = await makeQuote();
    expect(await answerQuoteAction({ quoteId: quote.id, amount: "100", message: "Hi" })).toEqual({ serverError: SIGNED_OUT });
    expect(await changeQuoteStatusAction({ quoteId: quote.id, to: "cancelled" })).toEqual({ serverError: SIGNED_OUT });
    expect(await sendWhatsAppAction({ kind: "text", quoteId: quote.id, idempotencyKey: randomUUID(), body: "Hi" })).toEqual({ serverError: SIGNED_OUT });
    expect(await simulateCustomerReplyAction({ quoteId: quote.id, text: "Hi" })).toEqual({ serverError: SIGNED_OUT });
    await unchanged(quote.id);
    expect(await db.message.count({ where: { quoteId: quote.id } })).toBe(0);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("refuse before looking at the input, so a stranger learns nothing from validation errors", async () => {
    expect(await answerQuoteAction({ quoteId: "", amount: "lots", message: "" })).toEqual({ serverError: SIGNED_OUT });
  });
});

describe("admin quote actions, signed in", () => {
  beforeEach(async () => {
    signedIn = await makeSignedInAdmin({ name: "Thandi" });
  });

  it("answer a quote in cents, as the signed-in admin, and refresh the admin pages", async () => {
    const quote = await makeQuote();
    expect(await answerQuoteAction({ quoteId: quote.id, amount: "1 250,50", message: "Your hamper", expectedStatus: "new" })).toEqual({
      data: { status: "quoted", amountCents: 125_050 },
    });
    expect(await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).toMatchObject({ status: "quoted", quotedAmountCents: 125_050, quoteMessage: "Your hamper" });
    const event = await db.quoteStatusEvent.findFirstOrThrow({ where: { quoteId: quote.id }, include: { actor: true } });
    expect(event.actor?.name).toBe("Thandi");
    expect(revalidatePath).toHaveBeenCalledWith("/admin", "layout");
  });

  it("return every field error in plain words", async () => {
    const quote = await makeQuote();
    const result = await answerQuoteAction({ quoteId: quote.id, amount: "lots", message: "" });
    expect(result.validationErrors?.fieldErrors).toEqual({
      amount: ["Enter the price as an amount, e.g. 1250 or 1 250,50."],
      message: ["Write a short message to go with the price."],
    });
    await unchanged(quote.id);
  });

  it("change a status with a note", async () => {
    const quote = await makeQuote({ status: "quoted", quotedAmountCents: 60_000 });
    expect(await changeQuoteStatusAction({ quoteId: quote.id, to: "accepted", note: "Paid", expectedStatus: "quoted" })).toEqual({ data: { status: "accepted" } });
    expect(await db.quoteStatusEvent.findFirstOrThrow({ where: { quoteId: quote.id } })).toMatchObject({ toStatus: "accepted", note: "Paid", actorId: signedIn!.id });
  });

  it("explain a refused status change and a change nobody saw coming", async () => {
    const quote = await makeQuote();
    expect(await changeQuoteStatusAction({ quoteId: quote.id, to: "accepted" })).toEqual({ serverError: "A quote that is new cannot become accepted." });
    expect(await changeQuoteStatusAction({ quoteId: quote.id, to: "cancelled", expectedStatus: "quoted" })).toEqual({
      serverError: "This quote was changed while you were looking at it: it is new now. Reload the page and check before you try again.",
    });
    await unchanged(quote.id);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});
