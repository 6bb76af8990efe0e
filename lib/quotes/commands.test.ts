import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { answerQuote, changeQuoteStatus } from "@/lib/quotes/commands";
import { getQuoteDetail, listQuotes } from "@/lib/quotes/queries";
import { parseQuoteListParams } from "@/lib/quotes/list-params";
import { makeAdmin, makeQuote } from "@/test/factories";

let adminId: string;
beforeAll(async () => {
  adminId = (await makeAdmin({ name: "Nomsa" })).id;
});

describe("answerQuote and changeQuoteStatus", () => {
  it("answers a new quote in cents, with a timeline entry naming the admin", async () => {
    const quote = await makeQuote();
    await answerQuote({ quoteId: quote.id, amountCents: 125_050, message: "Here is your price", actorId: adminId });
    const detail = await getQuoteDetail(quote.id);
    expect(detail).toMatchObject({ status: "quoted", quotedAmountCents: 125_050, quoteMessage: "Here is your price" });
    expect(detail!.answeredAt).not.toBeNull();
    expect(detail!.statusEvents.at(-1)).toMatchObject({ fromStatus: "new", toStatus: "quoted", actor: { name: "Nomsa" } });
  });

  it("moves a quoted quote to accepted and refuses moves that are not allowed", async () => {
    const quote = await makeQuote({ status: "quoted" });
    await changeQuoteStatus({ quoteId: quote.id, to: "accepted", actorId: adminId, note: "Confirmed by phone" });
    await expect(changeQuoteStatus({ quoteId: quote.id, to: "cancelled", actorId: adminId })).rejects.toThrow(/cannot become cancelled/);
    await expect(answerQuote({ quoteId: quote.id, amountCents: 1, message: "x", actorId: adminId })).rejects.toThrow(/cannot be answered/);
    const detail = await getQuoteDetail(quote.id);
    expect(detail!.statusEvents.map((event) => event.toStatus)).toEqual(["accepted"]);
  });

  it("lets only one of two simultaneous changes win", async () => {
    const quote = await makeQuote({ status: "quoted" });
    const results = await Promise.allSettled([
      changeQuoteStatus({ quoteId: quote.id, to: "accepted", actorId: adminId }),
      changeQuoteStatus({ quoteId: quote.id, to: "declined", actorId: adminId }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.quoteStatusEvent.count({ where: { quoteId: quote.id } })).toBe(1);
  });

  it("says so when the quote does not exist", async () => {
    await expect(changeQuoteStatus({ quoteId: "nope", to: "accepted", actorId: adminId })).rejects.toThrow("This quote no longer exists.");
  });
});

describe("listQuotes", () => {
  it("filters, searches, sorts and pages", async () => {
    await db.quoteStatusEvent.deleteMany();
    await db.quote.deleteMany();
    const base = Date.parse("2026-06-01T10:00:00Z");
    for (let index = 0; index < 30; index++) {
      await makeQuote({ name: index === 7 ? "Zanele Khumalo" : `Buyer ${index}`, status: index % 3 === 0 ? "quoted" : "new", createdAt: new Date(base + index * 60_000), budgetCents: 1000 * (index + 1) });
    }
    const firstPage = await listQuotes(parseQuoteListParams({}));
    expect(firstPage.total).toBe(30);
    expect(firstPage.rows).toHaveLength(25);
    expect(firstPage.hasNext).toBe(true);
    expect(firstPage.rows[0]!.createdAt.getTime()).toBeGreaterThan(firstPage.rows[1]!.createdAt.getTime());
    expect(firstPage.rows[0]!.customer.name).toBe("Buyer 29");

    const second = await listQuotes(parseQuoteListParams({ page: "2" }));
    expect(second.rows).toHaveLength(5);
    expect(second.hasNext).toBe(false);

    const quoted = await listQuotes(parseQuoteListParams({ status: "quoted" }));
    expect(quoted.total).toBe(10);
    expect(quoted.rows.every((row) => row.status === "quoted")).toBe(true);

    const search = await listQuotes(parseQuoteListParams({ q: "ZANELE" }));
    expect(search.total).toBeNull();
    expect(search.rows.map((row) => row.customer.name)).toEqual(["Zanele Khumalo"]);

    const byBudget = await listQuotes(parseQuoteListParams({ sort: "budget", dir: "asc" }));
    expect(byBudget.rows[0]!.budgetCents).toBe(1000);
  });
});
