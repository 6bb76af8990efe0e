// answerQuote and changeQuoteStatus against a real (per-file) SQLite database.
import { beforeAll, describe, expect, it } from "vitest";
import { db, type TTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/format";
import { answerQuote, changeQuoteStatus } from "@/lib/quotes/commands";
import { makeAdmin, makeQuote } from "@/test/factories";

let adminId: string;
beforeAll(async () => {
  adminId = (await makeAdmin({ name: "Nomsa" })).id;
});

const eventsOf = (quoteId: string) => db.quoteStatusEvent.findMany({ where: { quoteId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const quoteRow = (quoteId: string) => db.quote.findUniqueOrThrow({ where: { id: quoteId } });

describe("answerQuote", () => {
  it("stores the price in cents and the message, and moves a new quote to quoted with a timeline entry", async () => {
    const quote = await makeQuote();
    const now = new Date("2026-06-01T08:00:00Z");
    const move = await answerQuote({ quoteId: quote.id, amountCents: 125_050, message: "Here is your price", actorId: adminId, now });
    expect(move).toMatchObject({ quoteId: quote.id, customerId: quote.customerId, from: "new", to: "quoted" });
    expect(await quoteRow(quote.id)).toMatchObject({ status: "quoted", quotedAmountCents: 125_050, quoteMessage: "Here is your price", answeredAt: now });
    const [event] = await eventsOf(quote.id);
    expect(event).toMatchObject({ fromStatus: "new", toStatus: "quoted", actorId: adminId, note: `Answered with ${formatMoney(125_050)}.` });
  });

  it("lets a quoted quote be answered again, and says what changed", async () => {
    const quote = await makeQuote();
    await answerQuote({ quoteId: quote.id, amountCents: 125_050, message: "First", actorId: adminId });
    await answerQuote({ quoteId: quote.id, amountCents: 130_000, message: "Corrected", actorId: adminId });
    expect(await quoteRow(quote.id)).toMatchObject({ status: "quoted", quotedAmountCents: 130_000, quoteMessage: "Corrected" });
    const events = await eventsOf(quote.id);
    expect(events.map((event) => [event.fromStatus, event.toStatus])).toEqual([
      ["new", "quoted"],
      ["quoted", "quoted"],
    ]);
    expect(events[1]!.note).toBe(`Answer changed to ${formatMoney(130_000)} (was ${formatMoney(125_050)}).`);
  });

  it("refuses to answer a closed quote and changes nothing", async () => {
    for (const status of ["accepted", "declined", "expired", "cancelled"]) {
      const quote = await makeQuote({ status });
      await expect(answerQuote({ quoteId: quote.id, amountCents: 100, message: "x", actorId: adminId })).rejects.toThrow(
        `This quote is ${status}; it cannot be answered any more.`,
      );
      expect(await quoteRow(quote.id)).toMatchObject({ status, quotedAmountCents: null });
      expect(await eventsOf(quote.id)).toHaveLength(0);
    }
  });

  it("refuses a price that is not a positive whole number of cents", async () => {
    const quote = await makeQuote();
    for (const amountCents of [0, -100, 12.5]) {
      await expect(answerQuote({ quoteId: quote.id, amountCents, message: "x", actorId: adminId })).rejects.toThrow("The price must be more than zero.");
    }
    expect((await quoteRow(quote.id)).status).toBe("new");
  });

  it("runs inside the caller's transaction, so a later failure there undoes the answer too", async () => {
    const quote = await makeQuote();
    const attempt = db.$transaction(async (tx) => {
      await answerQuote({ quoteId: quote.id, amountCents: 100_000, message: "x", actorId: adminId }, tx);
      throw new Error("the notification could not be queued");
    });
    await expect(attempt).rejects.toThrow("the notification could not be queued");
    expect(await quoteRow(quote.id)).toMatchObject({ status: "new", quotedAmountCents: null });
    expect(await eventsOf(quote.id)).toHaveLength(0);
  });
});

describe("changeQuoteStatus", () => {
  it("accepts a quoted quote with the admin's note on the timeline", async () => {
    const quote = await makeQuote({ status: "quoted", quotedAmountCents: 80_000 });
    const move = await changeQuoteStatus({ quoteId: quote.id, to: "accepted", actorId: adminId, note: "Confirmed by phone" });
    expect(move).toMatchObject({ quoteId: quote.id, from: "quoted", to: "accepted" });
    expect((await quoteRow(quote.id)).status).toBe("accepted");
    // Accepting makes the order in the same transaction, and queues the confirmation.
    const order = await db.order.findUniqueOrThrow({ where: { quoteId: quote.id } });
    expect(order).toMatchObject({ status: "confirmed", totalCents: 80_000, customerId: quote.customerId });
    expect(order.number).toMatch(/^O-\d{4}-\d{4}$/);
    expect(await db.message.count({ where: { quoteId: quote.id, event: "quote.accepted", orderId: order.id, status: "queued" } })).toBe(1);
    expect(await eventsOf(quote.id)).toMatchObject([{ fromStatus: "quoted", toStatus: "accepted", note: "Confirmed by phone", actorId: adminId }]);
  });

  it("cancels or expires a new quote", async () => {
    const cancelled = await makeQuote();
    const expired = await makeQuote();
    await changeQuoteStatus({ quoteId: cancelled.id, to: "cancelled", actorId: adminId });
    await changeQuoteStatus({ quoteId: expired.id, to: "expired", actorId: adminId });
    expect((await quoteRow(cancelled.id)).status).toBe("cancelled");
    expect((await quoteRow(expired.id)).status).toBe("expired");
    expect((await eventsOf(cancelled.id))[0]!.note).toBeNull();
  });

  it("refuses moves the rules do not allow, with a conflict and no change", async () => {
    const fresh = await makeQuote();
    await expect(changeQuoteStatus({ quoteId: fresh.id, to: "accepted", actorId: adminId })).rejects.toThrow("A quote that is new cannot become accepted.");
    const done = await makeQuote({ status: "accepted" });
    const refusal = await changeQuoteStatus({ quoteId: done.id, to: "cancelled", actorId: adminId }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "conflict", message: "A quote that is accepted cannot become cancelled." });
    expect((await quoteRow(fresh.id)).status).toBe("new");
    expect((await quoteRow(done.id)).status).toBe("accepted");
    expect(await db.quoteStatusEvent.count({ where: { quoteId: { in: [fresh.id, done.id] } } })).toBe(0);
  });

  it("says so when the quote does not exist", async () => {
    await expect(changeQuoteStatus({ quoteId: "nope", to: "accepted", actorId: adminId })).rejects.toMatchObject({
      code: "not_found",
      message: "This quote no longer exists.",
    });
  });
});

describe("two admins at once", () => {
  it("refuses a change made on a status the admin did not see", async () => {
    const quote = await makeQuote();
    await answerQuote({ quoteId: quote.id, amountCents: 90_000, message: "Admin A's price", actorId: adminId });
    // Admin B still has the page from when the quote was new, and cancels it.
    await expect(changeQuoteStatus({ quoteId: quote.id, to: "cancelled", actorId: adminId, expectedStatus: "new" })).rejects.toThrow(
      "This quote was changed while you were looking at it: it is quoted now.",
    );
    await expect(answerQuote({ quoteId: quote.id, amountCents: 80_000, message: "B", actorId: adminId, expectedStatus: "new" })).rejects.toThrow(
      /changed while you were looking at it/,
    );
    expect(await quoteRow(quote.id)).toMatchObject({ status: "quoted", quotedAmountCents: 90_000 });
  });

  it("lets only one of two simultaneous changes win", async () => {
    const quote = await makeQuote({ status: "quoted" });
    const results = await Promise.allSettled([
      changeQuoteStatus({ quoteId: quote.id, to: "accepted", actorId: adminId }),
      changeQuoteStatus({ quoteId: quote.id, to: "declined", actorId: adminId }),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: "conflict" });
    expect(await db.quoteStatusEvent.count({ where: { quoteId: quote.id } })).toBe(1);
  });

  it("guards the write with the status it read: a change landing in between makes it fail, and nothing is kept", async () => {
    const quote = await makeQuote();
    // SQLite runs transactions one at a time, so the race is staged: the other admin's write
    // lands right after answerQuote has read the status, inside the same transaction.
    const attempt = db.$transaction((tx) =>
      answerQuote({ quoteId: quote.id, amountCents: 100_000, message: "x", actorId: adminId }, withWriteAfterRead(tx, quote.id)),
    );
    await expect(attempt).rejects.toThrow("Someone else changed this quote a moment ago.");
    expect(await quoteRow(quote.id)).toMatchObject({ status: "new", quotedAmountCents: null });
    expect(await eventsOf(quote.id)).toHaveLength(0);
  });
});

/** A transaction client whose quote reads are followed by another admin cancelling the quote. */
function withWriteAfterRead(tx: TTx, quoteId: string): TTx {
  const quotes = new Proxy(tx.quote, {
    get(target, property, receiver) {
      if (property !== "findUnique") return Reflect.get(target, property, receiver);
      return async (args: Parameters<TTx["quote"]["findUnique"]>[0]) => {
        const row = await target.findUnique(args);
        await target.update({ where: { id: quoteId }, data: { status: "cancelled" } });
        return row;
      };
    },
  });
  return new Proxy(tx, { get: (target, property, receiver) => (property === "quote" ? quotes : Reflect.get(target, property, receiver)) });
}
