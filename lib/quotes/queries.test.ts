// The list, the detail and the dashboard reads against a real (per-file) SQLite database.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { answerQuote, changeQuoteStatus } from "@/lib/quotes/commands";
import { parseQuoteListParams, type TSearchParams } from "@/lib/quotes/list-params";
import { getQuoteDetail, listQuotes, quoteSummary, recentQuotes } from "@/lib/quotes/queries";
import { makeAdmin, makeCustomer, makeQuote } from "@/test/factories";

const list = (search: TSearchParams = {}) => listQuotes(parseQuoteListParams(search));
const numbers = (result: Awaited<ReturnType<typeof list>>) => result.rows.map((row) => row.number);

const BASE = Date.parse("2026-06-01T10:00:00Z");
const at = (minutes: number) => new Date(BASE + minutes * 60_000);

// 30 quotes, Q-0000 (oldest) to Q-0029 (newest); every third is quoted; budgets rise with the
// number except every fifth has none; dates needed fall with the number except every fourth.
beforeAll(async () => {
  for (let index = 0; index < 30; index++) {
    await makeQuote({
      number: `Q-${String(index).padStart(4, "0")}`,
      name: index === 7 ? "Zanele Khumalo" : index === 8 ? "Lerato Dlamini" : `Buyer ${index}`,
      email: index === 9 ? "percent%buyer@example.com" : `buyer${index}@example.com`,
      phone: index === 7 ? "27821234567" : null,
      contactPreference: index % 2 ? "email" : "whatsapp",
      status: index % 3 === 0 ? "quoted" : "new",
      createdAt: at(index),
      budgetCents: index % 5 === 0 ? null : 1_000 * (index + 1),
      neededBy: index % 4 === 0 ? null : `2026-07-${String(30 - index).padStart(2, "0")}`,
    });
  }
});

describe("listQuotes", () => {
  it("shows the newest first, 25 to a page, with the exact total and the customer joined", async () => {
    const first = await list();
    expect(first.total).toBe(30);
    expect(first.rows).toHaveLength(25);
    expect(first.hasNext).toBe(true);
    expect(numbers(first).slice(0, 3)).toEqual(["Q-0029", "Q-0028", "Q-0027"]);
    expect(first.rows.find((row) => row.number === "Q-0022")).toEqual({
      id: expect.any(String),
      number: "Q-0022",
      status: "new",
      budgetCents: 23_000,
      neededBy: "2026-07-08",
      createdAt: at(22),
      customer: { name: "Buyer 22", email: "buyer22@example.com", phone: null, contactPreference: "whatsapp" },
    });

    const second = await list({ page: "2" });
    expect(numbers(second)).toEqual(["Q-0004", "Q-0003", "Q-0002", "Q-0001", "Q-0000"]);
    expect(second.hasNext).toBe(false);
    expect(second.total).toBe(30);
  });

  it("returns an empty page past the end, still counted", async () => {
    const past = await list({ page: "9" });
    expect(past).toEqual({ rows: [], total: 30, hasNext: false });
  });

  it("filters by status and counts only that status", async () => {
    const quoted = await list({ status: "quoted" });
    expect(quoted.total).toBe(10);
    expect(quoted.rows.every((row) => row.status === "quoted")).toBe(true);
    expect((await list({ status: "accepted" })).total).toBe(0);
  });

  it("searches number, name, email and phone, case-insensitively, without counting", async () => {
    const byName = await list({ q: "ZANELE" });
    expect(byName.total).toBeNull();
    expect(numbers(byName)).toEqual(["Q-0007"]);
    expect(numbers(await list({ q: "dlamini lerato" }))).toEqual(["Q-0008"]);
    expect(numbers(await list({ q: "buyer12@example" }))).toEqual(["Q-0012"]);
    expect(numbers(await list({ q: "q-0013" }))).toEqual(["Q-0013"]);
    expect(numbers(await list({ q: "082 123 4567" }))).toEqual(["Q-0007"]);
    expect(numbers(await list({ q: "+27 82 123 4567" }))).toEqual(["Q-0007"]);
    expect((await list({ q: "nobody like this" })).rows).toEqual([]);
  });

  it("treats % and _ in a search as text, not wildcards", async () => {
    expect(numbers(await list({ q: "%" }))).toEqual(["Q-0009"]);
    expect((await list({ q: "buyer_1" })).rows).toEqual([]);
  });

  it("pages a search with 'next' only", async () => {
    const first = await list({ q: "buyer" });
    expect(first.rows).toHaveLength(25);
    expect(first.hasNext).toBe(true);
    const second = await list({ q: "buyer", page: "2" });
    expect(second.rows).toHaveLength(5); // every email has "buyer" in it
    expect(second.hasNext).toBe(false);
  });

  it("combines a search with a status", async () => {
    const result = await list({ q: "buyer 2", status: "quoted" });
    expect(numbers(result)).toEqual(["Q-0027", "Q-0024", "Q-0021", "Q-0012"]);
  });

  it("sorts by budget with quotes without a budget last, both ways", async () => {
    const ascending = await list({ sort: "budget", dir: "asc" });
    expect(ascending.rows.slice(0, 2).map((row) => row.budgetCents)).toEqual([2_000, 3_000]);
    const descending = await list({ sort: "budget", dir: "desc" });
    expect(descending.rows[0]!.budgetCents).toBe(30_000);
    expect((await list({ sort: "budget", dir: "desc", page: "2" })).rows.every((row) => row.budgetCents === null)).toBe(true);
    expect((await list({ sort: "budget", dir: "asc", page: "2" })).rows.every((row) => row.budgetCents === null)).toBe(true);
  });

  it("sorts by date needed, soonest first, undated last", async () => {
    const soonest = await list({ sort: "needed", dir: "asc" });
    expect(soonest.rows.slice(0, 2).map((row) => row.neededBy)).toEqual(["2026-07-01", "2026-07-03"]);
    const all = [...soonest.rows, ...(await list({ sort: "needed", dir: "asc", page: "2" })).rows];
    expect(all.slice(-8).every((row) => row.neededBy === null)).toBe(true);
    expect(all.slice(0, -8).every((row) => row.neededBy !== null)).toBe(true);
  });

  it("sorts by number and by date received, both ways, and never repeats a row across pages", async () => {
    expect(numbers(await list({ sort: "number", dir: "asc" })).slice(0, 2)).toEqual(["Q-0000", "Q-0001"]);
    expect(numbers(await list({ sort: "received", dir: "asc" })).slice(0, 2)).toEqual(["Q-0000", "Q-0001"]);
    for (const sort of ["received", "needed", "budget", "number"]) {
      const pages = [...(await list({ sort, page: "1" })).rows, ...(await list({ sort, page: "2" })).rows];
      expect(new Set(pages.map((row) => row.id)).size).toBe(30);
    }
  });
});

describe("getQuoteDetail", () => {
  it("returns the request, the customer and the timeline with each admin's name, oldest first", async () => {
    const admin = await makeAdmin({ name: "Sipho" });
    const customer = await makeCustomer({ name: "Naledi Pillay", whatsappConsentSource: "quote-form", whatsappOptedOutAt: new Date("2026-06-03T09:00:00Z") });
    const quote = await makeQuote({ customerId: customer.id, occasion: "Wedding favours", deliveryArea: "Durban", notes: "No nuts", withRequestEvent: true });
    await answerQuote({ quoteId: quote.id, amountCents: 45_000, message: "Forty boxes", actorId: admin.id });
    await changeQuoteStatus({ quoteId: quote.id, to: "accepted", note: "Paid deposit", actorId: admin.id });

    const detail = await getQuoteDetail(quote.id);
    expect(detail).toMatchObject({
      number: quote.number,
      status: "accepted",
      occasion: "Wedding favours",
      deliveryArea: "Durban",
      notes: "No nuts",
      quotedAmountCents: 45_000,
      quoteMessage: "Forty boxes",
      customer: {
        name: "Naledi Pillay",
        contactPreference: "whatsapp",
        whatsappConsentSource: "quote-form",
        whatsappOptedOutAt: new Date("2026-06-03T09:00:00Z"),
      },
    });
    expect(detail!.statusEvents.map((event) => [event.fromStatus, event.toStatus, event.actor?.name ?? null, event.note])).toEqual([
      [null, "new", null, "Requested on the website."],
      ["new", "quoted", "Sipho", expect.stringContaining("Answered with")],
      ["quoted", "accepted", "Sipho", "Paid deposit"],
    ]);
    expect(detail).not.toHaveProperty("searchText");
  });

  it("returns null for an unknown id", async () => {
    expect(await getQuoteDetail("no-such-quote")).toBeNull();
  });
});

describe("dashboard reads", () => {
  it("counts quotes by status and knows the oldest one waiting", async () => {
    const before = await quoteSummary();
    expect(Object.keys(before.counts)).toEqual(["new", "quoted", "accepted", "declined", "expired", "cancelled"]);
    const total = await db.quote.count();
    expect(Object.values(before.counts).reduce((sum, n) => sum + n, 0)).toBe(total);
    const oldestNew = await db.quote.findFirstOrThrow({ where: { status: "new" }, orderBy: { createdAt: "asc" } });
    expect(before.oldestNewAt).toEqual(oldestNew.createdAt);

    await makeQuote({ status: "declined" });
    expect((await quoteSummary()).counts.declined).toBe(before.counts.declined + 1);
  });

  it("lists the newest quotes with their customer", async () => {
    const newest = await makeQuote({ name: "Newest Customer", createdAt: new Date("2030-01-01T00:00:00Z") });
    const recent = await recentQuotes(5);
    expect(recent).toHaveLength(5);
    expect(recent[0]).toMatchObject({ id: newest.id, customer: { name: "Newest Customer" } });
  });
});
