// The dashboard's aggregates against a real (per-file) SQLite database. The business's time zone
// is the default, Africa/Johannesburg (UTC+2); "now" is fixed in each test.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliveryRates, messagesNeedingAttention, openOrderCounts, ordersDueThisWeek, weeklyActivity } from "@/lib/dashboard/queries";
import { makeCustomer, makeOrder, makeQuote } from "@/test/factories";

const DAY = 86_400_000;

async function makeMessage(fields: { channel: "whatsapp" | "email"; status: string; createdAt: Date; direction?: "outbound" | "inbound" }) {
  const customer = await makeCustomer();
  return db.message.create({
    data: { channel: fields.channel, direction: fields.direction ?? "outbound", customerId: customer.id, origin: "admin", kind: "text", status: fields.status, createdAt: fields.createdAt },
  });
}

describe("openOrderCounts", () => {
  it("counts open orders by status in pipeline order, with zeros, leaving out delivered and cancelled", async () => {
    for (const orderStatus of ["confirmed", "confirmed", "ready", "out_for_delivery", "delivered", "cancelled"]) await makeOrder({ orderStatus });
    expect(await openOrderCounts()).toEqual([
      { status: "confirmed", count: 2 },
      { status: "in_production", count: 0 },
      { status: "ready", count: 1 },
      { status: "out_for_delivery", count: 1 },
    ]);
  });
});

describe("ordersDueThisWeek", () => {
  it("lists orders due Monday to Sunday of the business's week, soonest first, without cancelled ones", async () => {
    const due = async (deliveryDate: string, orderStatus = "ready") => (await makeOrder({ deliveryDate, orderStatus, name: `Due ${deliveryDate} ${orderStatus}` })).number;
    await due("2031-06-08"); // the Sunday before
    const sunday = await due("2031-06-15");
    const monday = await due("2031-06-09");
    const delivered = await due("2031-06-11", "delivered");
    await due("2031-06-12", "cancelled");
    await due("2031-06-16"); // the Monday after

    // Wednesday 11 June 2031, 10:00 in Johannesburg.
    const result = await ordersDueThisWeek(new Date("2031-06-11T08:00:00Z"));
    expect(result.week).toEqual({ start: "2031-06-09", end: "2031-06-15" });
    expect(result.orders.map((order) => order.number)).toEqual([monday, delivered, sunday]);
    expect(result.orders[0]).toMatchObject({ status: "ready", deliveryDate: "2031-06-09", customer: { name: "Due 2031-06-09 ready" } });
    expect(result.total).toBe(3);

    // 23:30 UTC on Sunday 15 June is already Monday 16 June in Johannesburg: the next week.
    const next = await ordersDueThisWeek(new Date("2031-06-15T23:30:00Z"));
    expect(next.week.start).toBe("2031-06-16");
    expect(next.orders).toHaveLength(1);

    const limited = await ordersDueThisWeek(new Date("2031-06-11T08:00:00Z"), 2);
    expect(limited.orders).toHaveLength(2);
    expect(limited.total).toBe(3);
  });
});

describe("messagesNeedingAttention", () => {
  it("counts outbound messages that failed or are uncertain in the last 7 days", async () => {
    const now = new Date("2032-01-20T12:00:00Z");
    await makeMessage({ channel: "whatsapp", status: "failed", createdAt: new Date(now.getTime() - 1 * DAY) });
    await makeMessage({ channel: "email", status: "failed", createdAt: new Date(now.getTime() - 6 * DAY) });
    await makeMessage({ channel: "whatsapp", status: "uncertain", createdAt: new Date(now.getTime() - 2 * DAY) });
    await makeMessage({ channel: "whatsapp", status: "failed", createdAt: new Date(now.getTime() - 8 * DAY) }); // too old
    await makeMessage({ channel: "whatsapp", status: "delivered", createdAt: new Date(now.getTime() - DAY) });
    await makeMessage({ channel: "whatsapp", status: "failed", direction: "inbound", createdAt: new Date(now.getTime() - DAY) });
    expect(await messagesNeedingAttention(now)).toEqual({ failed: 2, uncertain: 1 });
  });
});

describe("weeklyActivity", () => {
  it("counts quotes and orders per business week over the last 8 weeks, oldest first", async () => {
    // Wednesday 12 March 2036; its week starts Monday 10 March, 00:00 in Johannesburg = 9 March 22:00 UTC.
    const now = new Date("2036-03-12T10:00:00Z");
    const quoteAt = (iso: string) => makeQuote({ createdAt: new Date(iso) });
    await quoteAt("2036-03-09T22:30:00Z"); // Monday 00:30 in Johannesburg: this week
    await quoteAt("2036-03-09T21:30:00Z"); // Sunday 23:30 in Johannesburg: last week
    await quoteAt("2036-03-11T09:00:00Z");
    await quoteAt("2036-01-21T09:00:00Z"); // Monday of the oldest week shown
    await quoteAt("2036-01-20T21:00:00Z"); // Sunday 23:00 in Johannesburg, the week before it: not shown
    await quoteAt("2036-03-17T09:00:00Z"); // next week (a clock ahead): not shown
    const old = new Date("2030-01-01T00:00:00Z");
    await makeOrder({ createdAt: old, orderCreatedAt: new Date("2036-03-10T06:00:00Z") });
    await makeOrder({ createdAt: old, orderCreatedAt: new Date("2036-02-20T06:00:00Z") });

    const weeks = await weeklyActivity(now);
    expect(weeks.map((week) => week.weekStart)).toEqual(["2036-01-21", "2036-01-28", "2036-02-04", "2036-02-11", "2036-02-18", "2036-02-25", "2036-03-03", "2036-03-10"]);
    expect(weeks[0]).toEqual({ weekStart: "2036-01-21", quotes: 1, orders: 0 });
    expect(weeks.at(-1)).toEqual({ weekStart: "2036-03-10", quotes: 2, orders: 1 });
    expect(weeks.at(-2)).toEqual({ weekStart: "2036-03-03", quotes: 1, orders: 0 });
    expect(weeks.find((week) => week.weekStart === "2036-02-18")).toEqual({ weekStart: "2036-02-18", quotes: 0, orders: 1 });
    expect(weeks.reduce((sum, week) => sum + week.quotes, 0)).toBe(4);
  });
});

describe("deliveryRates", () => {
  it("gives each channel's delivered, not delivered and in-flight counts over the last 30 days", async () => {
    const now = new Date("2034-05-31T12:00:00Z");
    const recent = new Date(now.getTime() - 3 * DAY);
    for (const status of ["delivered", "read", "read", "failed", "sent", "queued"]) await makeMessage({ channel: "whatsapp", status, createdAt: recent });
    for (const status of ["sent", "sent", "sent", "uncertain"]) await makeMessage({ channel: "email", status, createdAt: recent });
    await makeMessage({ channel: "whatsapp", status: "failed", createdAt: new Date(now.getTime() - 31 * DAY) }); // too old
    await makeMessage({ channel: "whatsapp", status: "received", direction: "inbound", createdAt: recent });

    expect(await deliveryRates(now)).toEqual([
      { channel: "whatsapp", delivered: 3, notDelivered: 1, inFlight: 2, rate: 0.75 },
      { channel: "email", delivered: 3, notDelivered: 1, inFlight: 0, rate: 0.75 },
    ]);
  });

  it("has no rate for a channel where nothing has finished", async () => {
    expect((await deliveryRates(new Date("2040-01-01T00:00:00Z")))[1]).toEqual({ channel: "email", delivered: 0, notDelivered: 0, inFlight: 0, rate: null });
  });
});
