// The quote list finds a quote by the words of its request and of its answer, not only by its
// number and who asked, and the quote and order lists find a customer's records by the contact
// details they have now, on each database (npm test runs this on SQLite and on PostgreSQL).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db, dialect } from "@/lib/db";
import { editCustomerDetails, mergeCustomersByAdmin } from "@/lib/customers/contact-changes";
import { parseOrderListParams } from "@/lib/orders/list-params";
import { listOrders } from "@/lib/orders/queries";
import { answerQuote } from "@/lib/quotes/commands";
import { submitQuoteRequest } from "@/lib/quotes/create-quote";
import { parseQuoteListParams } from "@/lib/quotes/list-params";
import { listQuotes } from "@/lib/quotes/queries";
import { quoteSearchText } from "@/lib/search-text";
import { EMPTY_QUOTE_REQUEST } from "@/lib/quotes/request-schema";
import { makeAdmin, makeOrder, makeQuote } from "@/test/factories";

const search = async (q: string) => (await listQuotes(parseQuoteListParams({ q }))).rows.map((row) => row.number);
const searchOrders = async (q: string) => (await listOrders(parseOrderListParams({ q }))).rows.map((row) => row.number);
let ipCounter = 0;
const ip = () => `10.91.0.${++ipCounter}`;

describe("quote search by the request's words", () => {
  it("finds a requested quote by a word of its occasion, its notes or its delivery area, in any case", async () => {
    const { number } = await submitQuoteRequest(
      { ...EMPTY_QUOTE_REQUEST, name: "Nomsa Zulu", email: "nomsa@example.com", occasion: "Office farewell", deliveryArea: "Observatory", notes: "A box of SUCCULENTS,\nno cactus please" },
      { ip: ip() },
    );
    await makeQuote({ occasion: "Wedding flowers", notes: "Roses" });
    expect(await search("succulents")).toEqual([number]);
    expect(await search("Farewell")).toEqual([number]);
    expect(await search("observatory")).toEqual([number]);
    // Words in any order, across fields: the notes' and the name's.
    expect(await search("cactus nomsa")).toEqual([number]);
    expect(await search("succulents roses")).toEqual([]);
  });

  it("finds an answered quote by a word of the answer's message", async () => {
    const quote = await makeQuote({ occasion: "Teacher gift" });
    expect(await search("bonsai")).toEqual([]);
    await answerQuote({ quoteId: quote.id, amountCents: 45_000, message: "A small bonsai in a clay pot, wrapped.", actorId: (await makeAdmin()).id, expectedStatus: "new" });
    expect(await search("bonsai")).toEqual([quote.number]);
    // The number and the contact details still match after the rewrite.
    expect(await search(quote.number)).toEqual([quote.number]);
  });

  it("lower-cases letters beyond A-Z and keeps one space between words", () => {
    expect(
      quoteSearchText({ number: "Q-2026-0001", contactName: "Émile Ndlovu", contactEmail: null, contactPhone: "27821234567", occasion: "Crème\n\nbrûlée  hamper", deliveryArea: null, notes: null, quoteMessage: null }),
    ).toBe("q-2026-0001 émile ndlovu 27821234567 crème brûlée hamper");
  });

  it("the migration gives quotes made before it their request's words", async () => {
    // A quote as it was stored before: searchText with the number and contact details only.
    const old = await makeQuote({ occasion: "Baby shower", notes: "Pastel macarons" });
    await db.quote.update({ where: { id: old.id }, data: { searchText: old.number.toLowerCase(), quoteMessage: "Two dozen, boxed" } });
    expect(await search("macarons")).toEqual([]);
    const folder = dialect === "postgresql" ? "prisma/postgresql/migrations" : "prisma/migrations";
    const migration = readFileSync(path.join(import.meta.dirname, "..", folder, "20261203121449_quote_search_request_text", "migration.sql"), "utf8");
    await db.$executeRawUnsafe(migration.replace(/^--.*$/gm, "").trim().replace(/;$/, ""));
    expect(await search("macarons")).toContain(old.number);
    expect(await search("dozen")).toContain(old.number);
    expect(await search("shower")).toContain(old.number);
  });

  it("finds a customer's quotes and orders by the name, email and phone an admin changed them to, and no longer by the old ones", async () => {
    const admin = await makeAdmin();
    const order = await makeOrder({ name: "Lindiwe Dube", email: "lindiwe@old.example", phone: "27821110001" });
    const { quoteId, customerId } = order;
    const quote = await db.quote.findUniqueOrThrow({ where: { id: quoteId } });
    expect(await search("lindiwe@old.example")).toEqual([quote.number]);
    expect(await searchOrders("lindiwe@old.example")).toEqual([order.number]);

    await editCustomerDetails({ customerId, name: "Lindiwe Khumalo", email: "lindiwe@new.example", phone: "082 111 0002" }, admin.id);

    for (const q of ["lindiwe@new.example", "27821110002"]) {
      expect(await search(q), q).toEqual([quote.number]);
      expect(await searchOrders(q), q).toEqual([order.number]);
    }
    expect(await searchOrders("khumalo")).toEqual([order.number]);
    for (const q of ["lindiwe@old.example", "27821110001"]) {
      expect(await search(q), q).toEqual([]);
      expect(await searchOrders(q), q).toEqual([]);
    }
    // The request's own words are still found after the rewrite.
    expect(await search(quote.occasion.split(" ")[0]!)).toContain(quote.number);
  });

  it("finds the orders of a merged customer by the kept customer's name", async () => {
    const admin = await makeAdmin();
    const kept = await makeOrder({ name: "Sipho Ndlovu" });
    const merged = await makeOrder({ name: "S. Ndlovu (WhatsApp)" });
    expect(await searchOrders("sipho")).toEqual([kept.number]);
    await mergeCustomersByAdmin({ keepId: kept.customerId, mergeId: merged.customerId }, admin.id);
    expect((await searchOrders("sipho")).sort()).toEqual([kept.number, merged.number].sort());
    // The name its quote was asked under still finds it too.
    expect(await searchOrders("whatsapp")).toEqual([merged.number]);
  });
});
