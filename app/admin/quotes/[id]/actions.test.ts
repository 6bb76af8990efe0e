// Server actions are public endpoints: each must check the session itself.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { TAdmin } from "@/lib/auth/session";
import { makeAdmin, makeQuote } from "@/test/factories";

let signedIn: TAdmin | null = null;
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => signedIn, requireAdmin: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { answerQuoteAction, changeQuoteStatusAction } = await import("./actions");
const { sendWhatsAppAction, simulateCustomerReplyAction } = await import("./whatsapp-actions");

const SIGNED_OUT = "Your session has ended. Sign in again to continue.";

beforeEach(() => {
  signedIn = null;
});

describe("admin quote actions", () => {
  it("refuse an anonymous caller and change nothing", async () => {
    const quote = await makeQuote();
    expect(await answerQuoteAction({ quoteId: quote.id, amount: "100", message: "Hi" })).toEqual({ serverError: SIGNED_OUT });
    expect(await changeQuoteStatusAction({ quoteId: quote.id, to: "cancelled" })).toEqual({ serverError: SIGNED_OUT });
    expect(await sendWhatsAppAction({ kind: "text", quoteId: quote.id, idempotencyKey: randomUUID(), body: "Hi" })).toEqual({ serverError: SIGNED_OUT });
    expect(await simulateCustomerReplyAction({ quoteId: quote.id, text: "Hi" })).toEqual({ serverError: SIGNED_OUT });
    expect(await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).toMatchObject({ status: "new", quotedAmountCents: null });
    expect(await db.message.count({ where: { quoteId: quote.id } })).toBe(0);
  });

  it("answer a quote for a signed-in admin, in cents", async () => {
    const admin = await makeAdmin();
    signedIn = { id: admin.id, email: admin.email, name: admin.name, role: "admin" };
    const quote = await makeQuote();
    expect(await answerQuoteAction({ quoteId: quote.id, amount: "1 250,50", message: "Your hamper" })).toEqual({ data: { ok: true } });
    expect(await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).toMatchObject({ status: "quoted", quotedAmountCents: 125_050 });
  });

  it("return every field error in plain words", async () => {
    const admin = await makeAdmin();
    signedIn = { id: admin.id, email: admin.email, name: admin.name, role: "admin" };
    const quote = await makeQuote();
    const result = await answerQuoteAction({ quoteId: quote.id, amount: "lots", message: "" });
    expect(result.validationErrors?.fieldErrors).toEqual({
      amount: ["Enter the price as an amount, e.g. 1250 or 1 250,50."],
      message: ["Write a short message to go with the price."],
    });
  });

  it("explain a refused status change", async () => {
    const admin = await makeAdmin();
    signedIn = { id: admin.id, email: admin.email, name: admin.name, role: "admin" };
    const quote = await makeQuote();
    expect(await changeQuoteStatusAction({ quoteId: quote.id, to: "accepted" })).toEqual({ serverError: "A quote that is new cannot become accepted." });
  });
});
