// The order list against a real (per-file) SQLite database.
import { beforeAll, describe, expect, it } from "vitest";
import { parseOrderListParams } from "@/lib/orders/list-params";
import { listOrders } from "@/lib/orders/queries";
import type { TSearchParams } from "@/lib/list-params";
import { makeOrder } from "@/test/factories";

const list = (search: TSearchParams = {}) => listOrders(parseOrderListParams(search));
const numbers = (result: Awaited<ReturnType<typeof list>>) => result.rows.map((row) => row.number);

const BASE = Date.parse("2026-06-01T10:00:00Z");
const at = (minutes: number) => new Date(BASE + minutes * 60_000);
const STATUSES = ["confirmed", "in_production", "ready", "out_for_delivery", "delivered", "cancelled"];

// 30 orders, O-0000 (oldest) to O-0029 (newest); statuses cycle through all six (so 20 are
// open); totals rise with the number; delivery dates fall with the number except every fourth.
beforeAll(async () => {
  for (let index = 0; index < 30; index++) {
    await makeOrder({
      orderNumber: `O-${String(index).padStart(4, "0")}`,
      number: `Q-${String(index).padStart(4, "0")}`,
      name: index === 7 ? "Zanele Khumalo" : index === 8 ? "Lerato Dlamini" : `Buyer ${index}`,
      email: index === 9 ? "percent%buyer@example.com" : `buyer${index}@example.com`,
      phone: index === 7 ? "27821234567" : null,
      orderStatus: STATUSES[index % 6],
      orderCreatedAt: at(index),
      totalCents: 10_000 * (index + 1),
      paidCents: index % 3 === 0 ? 0 : index % 3 === 1 ? 5_000 : 10_000 * (index + 1),
      deliveryDate: index % 4 === 0 ? null : `2026-07-${String(30 - index).padStart(2, "0")}`,
    });
  }
});

describe("listOrders", () => {
  it("shows the newest first, 25 to a page, with the exact total and the customer joined", async () => {
    const first = await list();
    expect(first.total).toBe(30);
    expect(first.rows).toHaveLength(25);
    expect(first.hasNext).toBe(true);
    expect(numbers(first).slice(0, 3)).toEqual(["O-0029", "O-0028", "O-0027"]);
    expect(first.rows.find((row) => row.number === "O-0022")).toEqual({
      id: expect.any(String),
      number: "O-0022",
      status: "delivered",
      totalCents: 230_000,
      paidCents: 5_000,
      deliveryDate: "2026-07-08",
      createdAt: at(22),
      customer: { name: "Buyer 22", email: "buyer22@example.com", phone: null },
    });

    const second = await list({ page: "2" });
    expect(numbers(second)).toEqual(["O-0004", "O-0003", "O-0002", "O-0001", "O-0000"]);
    expect(second).toMatchObject({ total: 30, hasNext: false });
  });

  it("returns an empty page past the end, still counted", async () => {
    expect(await list({ page: "9" })).toEqual({ rows: [], total: 30, hasNext: false });
  });

  it("filters by one status, or by every open status", async () => {
    const ready = await list({ status: "ready" });
    expect(ready.total).toBe(5);
    expect(ready.rows.every((row) => row.status === "ready")).toBe(true);

    const open = await list({ status: "open" });
    expect(open.total).toBe(20);
    expect(open.rows.some((row) => row.status === "delivered" || row.status === "cancelled")).toBe(false);
    expect(new Set(open.rows.map((row) => row.status))).toEqual(new Set(["confirmed", "in_production", "ready", "out_for_delivery"]));
  });

  it("searches order number, quote number, name, email and phone, in any word order, without counting", async () => {
    const byName = await list({ q: "ZANELE" });
    expect(byName.total).toBeNull();
    expect(numbers(byName)).toEqual(["O-0007"]);
    expect(numbers(await list({ q: "dlamini lerato" }))).toEqual(["O-0008"]);
    expect(numbers(await list({ q: "buyer12@example" }))).toEqual(["O-0012"]);
    expect(numbers(await list({ q: "o-0013" }))).toEqual(["O-0013"]);
    expect(numbers(await list({ q: "Q-0014" }))).toEqual(["O-0014"]);
    expect(numbers(await list({ q: "082 123 4567" }))).toEqual(["O-0007"]);
    expect(numbers(await list({ q: "+27 82 123 4567" }))).toEqual(["O-0007"]);
    expect((await list({ q: "nobody like this" })).rows).toEqual([]);
  });

  it("treats % and _ in a search as text, not wildcards", async () => {
    expect(numbers(await list({ q: "%" }))).toEqual(["O-0009"]);
    expect((await list({ q: "buyer_1" })).rows).toEqual([]);
  });

  it("pages a search with 'next' only, and combines it with a status", async () => {
    const first = await list({ q: "buyer" });
    expect(first).toMatchObject({ total: null, hasNext: true });
    expect(first.rows).toHaveLength(25);
    const second = await list({ q: "buyer", page: "2" });
    expect(second.rows).toHaveLength(5);
    expect(second.hasNext).toBe(false);
    expect(numbers(await list({ q: "buyer 2", status: "delivered" }))).toEqual(["O-0028", "O-0022"]);
  });

  it("sorts by delivery date with undated orders last, in both directions", async () => {
    const soonest = [...(await list({ sort: "delivery", dir: "asc" })).rows, ...(await list({ sort: "delivery", dir: "asc", page: "2" })).rows];
    expect(soonest.slice(0, 2).map((row) => row.deliveryDate)).toEqual(["2026-07-01", "2026-07-03"]);
    expect(soonest.slice(-8).every((row) => row.deliveryDate === null)).toBe(true);
    expect(soonest.slice(0, -8).every((row) => row.deliveryDate !== null)).toBe(true);

    const latest = [...(await list({ sort: "delivery", dir: "desc" })).rows, ...(await list({ sort: "delivery", dir: "desc", page: "2" })).rows];
    expect(latest[0]!.deliveryDate).toBe("2026-07-29");
    expect(latest.slice(-8).every((row) => row.deliveryDate === null)).toBe(true);
  });

  it("sorts an open-status filter by delivery date", async () => {
    const result = await list({ status: "open", sort: "delivery", dir: "asc" });
    const dates = result.rows.map((row) => row.deliveryDate).filter((date): date is string => date !== null);
    expect(dates).toEqual([...dates].sort());
    expect(result.rows.at(-1)!.deliveryDate).toBeNull();
  });

  it("sorts by total and number both ways, and never repeats a row across pages", async () => {
    expect((await list({ sort: "total" })).rows[0]!.totalCents).toBe(300_000);
    expect((await list({ sort: "total", dir: "asc" })).rows[0]!.totalCents).toBe(10_000);
    expect(numbers(await list({ sort: "number", dir: "asc" })).slice(0, 2)).toEqual(["O-0000", "O-0001"]);
    expect(numbers(await list({ sort: "created", dir: "asc" })).slice(0, 2)).toEqual(["O-0000", "O-0001"]);
    for (const sort of ["created", "delivery", "total", "number"]) {
      for (const dir of ["asc", "desc"]) {
        const pages = [...(await list({ sort, dir })).rows, ...(await list({ sort, dir, page: "2" })).rows];
        expect(new Set(pages.map((row) => row.id)).size).toBe(30);
      }
    }
  });
});
