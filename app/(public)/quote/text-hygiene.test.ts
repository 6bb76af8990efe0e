// The public quote action refuses text no person types (NULs were stored in quotes and customers
// before the shared text schema), and still takes what people do type: emoji, accents, line breaks.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { PEER_ADDRESS_HEADER } from "@/lib/peer-address";
import { EMPTY_QUOTE_REQUEST } from "@/lib/quotes/request-schema";
import { BROKEN_CHARACTER_MESSAGE, CONTROL_CHARACTER_MESSAGE } from "@/lib/zod/text";

let peerAddress = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [PEER_ADDRESS_HEADER]: peerAddress }) }));

const { submitQuoteAction } = await import("./actions");

let ipCounter = 0;
let emailCounter = 0;
beforeEach(() => {
  peerAddress = `198.51.100.${++ipCounter}`;
});

const valid = () => ({ ...EMPTY_QUOTE_REQUEST, name: "Lerato Mokoena", email: `hygiene${++emailCounter}@example.com`, occasion: "Wedding gift" });

async function counts() {
  return { quotes: await db.quote.count(), customers: await db.customer.count() };
}

describe("submitQuoteAction and text no person types", () => {
  it("refuses a NUL in the name with the control-character message and stores nothing", async () => {
    const before = await counts();
    const result = await submitQuoteAction({ ...valid(), name: "Lerato\u0000Mokoena" });
    expect(result.validationErrors?.fieldErrors).toEqual({ name: [CONTROL_CHARACTER_MESSAGE] });
    expect(await counts()).toEqual(before);
  });

  it("refuses a lone surrogate in the notes with the broken-character message and stores nothing", async () => {
    const before = await counts();
    const result = await submitQuoteAction({ ...valid(), notes: "Pink ribbon \ud800 please" });
    expect(result.validationErrors?.fieldErrors).toEqual({ notes: [BROKEN_CHARACTER_MESSAGE] });
    expect(await counts()).toEqual(before);
  });

  it("names every field that holds one, escape characters and lone low surrogates included", async () => {
    const result = await submitQuoteAction({ ...valid(), occasion: "Birthday\u001b[31m", deliveryArea: "\udc00Sandton", phone: "082\u0007123" });
    expect(result.validationErrors?.fieldErrors).toMatchObject({
      occasion: [CONTROL_CHARACTER_MESSAGE],
      deliveryArea: [BROKEN_CHARACTER_MESSAGE],
      phone: expect.arrayContaining([CONTROL_CHARACTER_MESSAGE]),
    });
    expect(result.data).toBeUndefined();
  });

  it("stores emoji, accents and a textarea's CRLF line breaks as typed", async () => {
    const notes = "Gold ribbon 🎀\r\nCard: “Baie geluk, Zoë!”\r\n\tFrom all of us";
    const result = await submitQuoteAction({ ...valid(), notes });
    expect(result.data).toBeDefined();
    const quote = await db.quote.findUniqueOrThrow({ where: { number: result.data!.number }, select: { notes: true } });
    expect(quote.notes).toBe(notes);
  });
});
