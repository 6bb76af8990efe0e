// The audit log's reads, on a real (per-file) SQLite database.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AUDIT_PAGE_SIZE, parseAuditListParams } from "@/lib/messages/audit-params";
import { countMessagesNeedingAttention, getAuditMessage, listAuditMessages } from "@/lib/messages/audit-queries";
import { makeAdmin, makeCustomer, makeOrder, makeQuote } from "@/test/factories";

type TMessageData = Parameters<typeof db.message.create>[0]["data"];

const BASE = Date.parse("2026-03-10T08:00:00Z");
/** Minutes after BASE, so tests say which message is newer. */
const at = (minutes: number) => new Date(BASE + minutes * 60_000);

function makeMessage(data: Partial<TMessageData> & { createdAt: Date }) {
  return db.message.create({
    data: { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "text", body: "Hello", status: "sent", ...data } as TMessageData,
  });
}

const list = (query: Record<string, string> = {}) => listAuditMessages(parseAuditListParams(query));
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

beforeEach(async () => {
  await db.message.deleteMany();
});

describe("listAuditMessages", () => {
  it("puts failed and uncertain sends first, then everything newest first", async () => {
    const oldFailed = await makeMessage({ status: "failed", createdAt: at(1) });
    const sentOld = await makeMessage({ status: "sent", createdAt: at(2) });
    const uncertain = await makeMessage({ status: "uncertain", channel: "email", kind: "email", createdAt: at(3) });
    const inbound = await makeMessage({ direction: "inbound", origin: "customer", status: "received", createdAt: at(4) });
    const readNewest = await makeMessage({ status: "read", createdAt: at(5) });

    const result = await list();
    expect(ids(result.rows)).toEqual([uncertain.id, oldFailed.id, readNewest.id, inbound.id, sentOld.id]);
    expect(result).toMatchObject({ total: 5, attention: 2, hasNext: false });
  });

  it("pages across the seam between the two parts without losing or repeating a message", async () => {
    const failed = await Promise.all([0, 1, 2].map((n) => makeMessage({ status: "failed", createdAt: at(n) })));
    await db.message.createMany({
      data: Array.from({ length: 57 }, (_, n) => ({
        channel: "email",
        direction: "outbound",
        origin: "system:quote.answered",
        event: "quote.answered",
        kind: "email",
        status: "sent",
        createdAt: at(100 + n),
      })),
    });

    const first = await list();
    const second = await list({ page: "2" });
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(ids(first.rows.slice(0, 3))).toEqual(ids([...failed].reverse()));
    expect(first.rows[3]?.createdAt).toEqual(at(156));
    expect(first).toMatchObject({ total: 60, attention: 3, hasNext: true });
    expect(second.rows).toHaveLength(10);
    expect(second.rows.at(-1)?.createdAt).toEqual(at(100));
    expect(second.hasNext).toBe(false);
    expect(new Set([...ids(first.rows), ...ids(second.rows)]).size).toBe(60);
    expect((await list({ page: "3" })).rows).toEqual([]);
  });

  it("starts a page inside the messages needing attention when there are more than a page of them", async () => {
    await db.message.createMany({
      data: Array.from({ length: 52 }, (_, n) => ({ channel: "whatsapp", direction: "outbound", origin: "admin", kind: "text", status: "failed", createdAt: at(n) })),
    });
    const newestSent = await makeMessage({ status: "delivered", createdAt: at(500) });
    const second = await list({ page: "2" });
    expect(second.rows.map((row) => row.status)).toEqual(["failed", "failed", "delivered"]);
    expect(second.rows[0]?.createdAt).toEqual(at(1));
    expect(second.rows[2]?.id).toBe(newestSent.id);
  });

  it("filters by channel, direction, status, event and days in the business time zone", async () => {
    const email = await makeMessage({ channel: "email", kind: "email", status: "sent", event: "order.ready", origin: "system:order.ready", createdAt: at(0) });
    const inbound = await makeMessage({ direction: "inbound", origin: "customer", status: "received", createdAt: at(1) });
    const failed = await makeMessage({ status: "failed", event: "quote.answered", origin: "system:quote.answered", createdAt: at(2) });
    const uncertain = await makeMessage({ status: "uncertain", createdAt: at(3) });
    // 23:30 on 10 March in Johannesburg (UTC+2) is 21:30 UTC; 00:30 on 11 March is 22:30 UTC.
    const lateOnThe10th = await makeMessage({ status: "sent", createdAt: new Date("2026-03-10T21:30:00Z") });
    const earlyOnThe11th = await makeMessage({ status: "sent", createdAt: new Date("2026-03-10T22:30:00Z") });
    const before = await makeMessage({ status: "sent", createdAt: new Date("2026-03-09T21:59:00Z") });

    expect(ids((await list({ channel: "email" })).rows)).toEqual([email.id]);
    expect(ids((await list({ direction: "inbound" })).rows)).toEqual([inbound.id]);
    expect(ids((await list({ status: "attention" })).rows)).toEqual([uncertain.id, failed.id]);
    expect((await list({ status: "attention" })).total).toBe(2);
    expect(ids((await list({ status: "failed" })).rows)).toEqual([failed.id]);
    expect(ids((await list({ event: "order.ready" })).rows)).toEqual([email.id]);
    // By hand: sent by an admin, not an automatic event and not the customer's own message.
    expect(ids((await list({ event: "manual" })).rows)).toEqual([uncertain.id, earlyOnThe11th.id, lateOnThe10th.id, before.id]);
    expect(ids((await list({ from: "2026-03-10", to: "2026-03-10" })).rows)).toEqual([uncertain.id, failed.id, lateOnThe10th.id, inbound.id, email.id]);
    expect(ids((await list({ from: "2026-03-11" })).rows)).toEqual([earlyOnThe11th.id]);
    expect(ids((await list({ to: "2026-03-09" })).rows)).toEqual([before.id]);
    expect(ids((await list({ channel: "whatsapp", status: "sent", from: "2026-03-10" })).rows)).toEqual([earlyOnThe11th.id, lateOnThe10th.id]);
  });

  it("gives each row what its links need: customer name, quote and order numbers, the sender's name", async () => {
    const admin = await makeAdmin({ name: "Naledi" });
    const customer = await makeCustomer({ name: "Thandi Mokoena" });
    const quote = await makeQuote({ customerId: customer.id, number: "Q-2026-0420" });
    const order = await makeOrder({ quoteId: quote.id, orderNumber: "O-2026-0042" });
    await makeMessage({ customerId: customer.id, quoteId: quote.id, orderId: order.id, sentById: admin.id, body: "x".repeat(400), createdAt: at(0) });

    const [row] = (await list()).rows;
    expect(row).toMatchObject({
      customer: { id: customer.id, name: "Thandi Mokoena" },
      quote: { id: quote.id, number: "Q-2026-0420" },
      order: { id: order.id, number: "O-2026-0042" },
      sentBy: { name: "Naledi" },
    });
    // A line, not the whole message.
    expect(row?.body?.length).toBeLessThan(200);
  });
});

describe("countMessagesNeedingAttention", () => {
  it("counts outbound messages that failed or are uncertain, and nothing else", async () => {
    await makeMessage({ status: "failed", createdAt: at(0) });
    await makeMessage({ status: "uncertain", channel: "email", kind: "email", createdAt: at(1) });
    for (const status of ["queued", "sending", "accepted", "sent", "delivered", "read"]) await makeMessage({ status, createdAt: at(2) });
    await makeMessage({ direction: "inbound", origin: "customer", status: "received", createdAt: at(3) });
    expect(await countMessagesNeedingAttention()).toBe(2);
    await db.message.updateMany({ where: { status: "failed" }, data: { status: "queued" } });
    expect(await countMessagesNeedingAttention()).toBe(1);
  });
});

describe("getAuditMessage", () => {
  it("returns the message with its tries in order, its status history in time order and what it was about", async () => {
    const admin = await makeAdmin({ name: "Sipho" });
    const quote = await makeQuote({ name: "Lerato" });
    const message = await makeMessage({ status: "delivered", quoteId: quote.id, customerId: quote.customerId, sentById: admin.id, attempts: 3, createdAt: at(0) });
    for (const number of [2, 3, 1]) {
      await db.messageAttempt.create({ data: { messageId: message.id, number, channel: "whatsapp", startedAt: at(number), outcome: number === 3 ? "accepted" : "retry" } });
    }
    await db.messageStatusEvent.create({ data: { messageId: message.id, status: "delivered", occurredAt: at(12) } });
    await db.messageStatusEvent.create({ data: { messageId: message.id, status: "sent", occurredAt: at(11) } });

    const found = await getAuditMessage(message.id);
    expect(found?.sendAttempts.map((attempt) => attempt.number)).toEqual([1, 2, 3]);
    expect(found?.statusEvents.map((event) => event.status)).toEqual(["sent", "delivered"]);
    expect(found).toMatchObject({ id: message.id, quote: { id: quote.id, number: quote.number }, customer: { name: "Lerato" }, sentBy: { name: "Sipho" }, order: null });
  });

  it("returns null for an unknown id", async () => {
    expect(await getAuditMessage("no-such-message")).toBeNull();
  });
});
