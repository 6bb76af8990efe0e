// The customer list and detail reads against a real (per-file) SQLite database.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TSearchParams } from "@/lib/list-params";
import { parseCustomerListParams } from "@/lib/customers/list-params";
import { getCustomerDetail, listCustomers } from "@/lib/customers/queries";
import { makeCustomer, makeOrder, makeQuote } from "@/test/factories";

const list = (search: TSearchParams = {}) => listCustomers(parseCustomerListParams(search));
const names = (result: Awaited<ReturnType<typeof list>>) => result.rows.map((row) => row.name);

const BASE = Date.parse("2026-06-01T10:00:00Z");
const at = (minutes: number) => new Date(BASE + minutes * 60_000);

const message = (customerId: string, createdAt: Date, overrides: Partial<{ channel: string; direction: string; status: string; body: string }> = {}) =>
  db.message.create({
    data: {
      customerId,
      createdAt,
      channel: overrides.channel ?? "email",
      direction: overrides.direction ?? "outbound",
      origin: "admin",
      kind: "text",
      status: overrides.status ?? "sent",
      body: overrides.body ?? "Hello",
    },
  });

// 30 customers, "Buyer 00" (oldest) to "Buyer 29" (newest), odd ones preferring email; a few
// with their own names, a known phone, quotes, orders and messages.
let zanele: string;
beforeAll(async () => {
  for (let index = 0; index < 30; index++) {
    const customer = await makeCustomer({
      name: index === 7 ? "Zanele Khumalo" : index === 8 ? "lerato Dlamini" : `Buyer ${String(index).padStart(2, "0")}`,
      email: index === 9 ? "percent%buyer@example.com" : `buyer${index}@example.com`,
      phone: index === 7 ? "27821234567" : index === 10 ? null : undefined,
      contactPreference: index % 2 ? "email" : "whatsapp",
    });
    await db.customer.update({ where: { id: customer.id }, data: { createdAt: at(index) } });
    if (index === 7) zanele = customer.id;
  }
  await makeQuote({ customerId: zanele });
  await makeOrder({ customerId: zanele });
  await makeOrder({ customerId: zanele });
  await message(zanele, at(100));
  await message(zanele, at(300), { channel: "whatsapp", direction: "inbound" });
  await message(zanele, at(200));
});

describe("listCustomers", () => {
  it("shows the newest customers first, 25 to a page, counted", async () => {
    const first = await list();
    expect(first.total).toBe(30);
    expect(first.rows).toHaveLength(25);
    expect(first.hasNext).toBe(true);
    expect(names(first).slice(0, 2)).toEqual(["Buyer 29", "Buyer 28"]);

    const second = await list({ page: "2" });
    expect(names(second)).toEqual(["Buyer 04", "Buyer 03", "Buyer 02", "Buyer 01", "Buyer 00"]);
    expect(second).toMatchObject({ total: 30, hasNext: false });
    expect(await list({ page: "9" })).toEqual({ rows: [], total: 30, hasNext: false });
  });

  it("counts quotes and orders per customer and finds their last message", async () => {
    const row = (await list({ q: "zanele" })).rows[0];
    // makeOrder makes an accepted quote for each order: one quote of its own and two for the orders.
    expect(row).toMatchObject({ name: "Zanele Khumalo", phone: "27821234567", quoteCount: 3, orderCount: 2, lastMessageAt: at(300) });
    expect((await list({ q: "buyer 12" })).rows[0]).toMatchObject({ quoteCount: 0, orderCount: 0, lastMessageAt: null });
  });

  it("sorts by name without regard to case, either way", async () => {
    const byName = await list({ sort: "name" });
    expect(names(byName).slice(0, 2)).toEqual(["Buyer 00", "Buyer 01"]);
    expect(names(byName).includes("lerato Dlamini")).toBe(false);
    const page2 = await list({ sort: "name", page: "2" });
    expect(names(page2)).toEqual(["Buyer 27", "Buyer 28", "Buyer 29", "lerato Dlamini", "Zanele Khumalo"]);
    expect(names(await list({ sort: "name", dir: "desc" })).slice(0, 2)).toEqual(["Zanele Khumalo", "lerato Dlamini"]);
  });

  it("filters by contact preference and counts only those", async () => {
    const email = await list({ preference: "email" });
    expect(email.total).toBe(15);
    expect(email.rows.every((row) => row.contactPreference === "email")).toBe(true);
    expect((await list({ preference: "whatsapp", q: "zanele" })).total).toBe(0);
  });

  it("searches name and email, case-insensitively, words in any order", async () => {
    expect(names(await list({ q: "ZANELE" }))).toEqual(["Zanele Khumalo"]);
    expect(names(await list({ q: "dlamini LERATO" }))).toEqual(["lerato Dlamini"]);
    expect(names(await list({ q: "buyer12@example" }))).toEqual(["Buyer 12"]);
    expect(await list({ q: "nobody like this" })).toEqual({ rows: [], total: 0, hasNext: false });
  });

  it("finds a phone number typed the local or the international way", async () => {
    expect(names(await list({ q: "082 123 4567" }))).toEqual(["Zanele Khumalo"]);
    expect(names(await list({ q: "+27 82 123 4567" }))).toEqual(["Zanele Khumalo"]);
    expect(names(await list({ q: "27821234567" }))).toEqual(["Zanele Khumalo"]);
    expect(names(await list({ q: "083 123 4567" }))).toEqual([]);
    // Words may match different details: a name and the end of a phone number.
    expect(names(await list({ q: "zanele 4567" }))).toEqual(["Zanele Khumalo"]);
  });

  it("treats % and _ in a search as text, not wildcards", async () => {
    expect(names(await list({ q: "percent%" }))).toEqual(["Buyer 09"]);
    expect((await list({ q: "%" })).total).toBe(1);
    expect((await list({ q: "_" })).total).toBe(0);
  });
});

describe("getCustomerDetail", () => {
  it("returns the customer with consent history newest first, quotes, orders and messages newest first", async () => {
    await db.consentEvent.createMany({
      data: [
        { customerId: zanele, channel: "whatsapp", action: "granted", source: "quote-form", createdAt: at(10) },
        { customerId: zanele, channel: "whatsapp", action: "withdrawn", source: "admin", text: "Asked by phone", createdAt: at(20) },
      ],
    });
    const detail = await getCustomerDetail(zanele);
    expect(detail).toMatchObject({ id: zanele, name: "Zanele Khumalo", phone: "27821234567" });
    expect(detail!.consentEvents.map((event) => [event.action, event.text])).toEqual([
      ["withdrawn", "Asked by phone"],
      ["granted", null],
    ]);
    expect(detail!.quotes).toHaveLength(3);
    expect(detail!.orders).toHaveLength(2);
    expect(detail!.orders[0]).toMatchObject({ number: expect.stringMatching(/^O-/), totalCents: 75_000, paidCents: 0 });
    expect(detail!.messages.map((row) => row.createdAt)).toEqual([at(300), at(200), at(100)]);
    expect(detail!.messages[0]).toMatchObject({ channel: "whatsapp", direction: "inbound" });
  });

  it("keeps only the last 100 messages", async () => {
    const customer = await makeCustomer();
    await db.message.createMany({
      data: Array.from({ length: 105 }, (_, index) => ({
        customerId: customer.id,
        createdAt: at(index),
        channel: "email",
        direction: "outbound",
        origin: "admin",
        kind: "text",
        status: "sent",
      })),
    });
    const detail = await getCustomerDetail(customer.id);
    expect(detail!.messages).toHaveLength(100);
    expect(detail!.messages[0]!.createdAt).toEqual(at(104));
    expect(detail!.messages.at(-1)!.createdAt).toEqual(at(5));
  });

  it("returns null for an unknown id", async () => {
    expect(await getCustomerDetail("no-such-customer")).toBeNull();
  });
});
