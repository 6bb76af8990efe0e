// Merging two customer records, against a real (per-file) SQLite database.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { mergeCustomers } from "@/lib/customers/merge";
import { makeAdmin, makeCustomer, makeOrder, makeQuote } from "@/test/factories";

const merge = (input: Parameters<typeof mergeCustomers>[1]) => db.$transaction((tx) => mergeCustomers(tx, input));

describe("mergeCustomers", () => {
  it("moves quotes, orders, messages and consent history, takes the missing identifiers and records who merged", async () => {
    const admin = await makeAdmin();
    const keep = await makeCustomer({ name: "Ann Mokoena", phone: "27820001111", email: null });
    const other = await db.customer.create({
      data: { name: "ann_m", whatsappUserId: "ZA.99887766", email: "ann@example.com", lastInboundWhatsAppAt: new Date("2026-06-01T10:00:00Z") },
    });
    const quote = await makeQuote({ customerId: other.id });
    const order = await makeOrder({ customerId: other.id });
    await db.message.create({ data: { channel: "whatsapp", direction: "inbound", origin: "customer", kind: "text", body: "hi", customerId: other.id, status: "received" } });
    await db.consentEvent.create({ data: { customerId: other.id, channel: "whatsapp", action: "granted", source: "admin" } });

    const result = await merge({ keepId: keep.id, mergeId: other.id, actorId: admin.id, reason: "Same person." });

    expect(result).toMatchObject({ quotes: 2, orders: 1, messages: 1 });
    expect(await db.customer.findUnique({ where: { id: other.id } })).toBeNull();
    const kept = await db.customer.findUniqueOrThrow({ where: { id: keep.id } });
    expect(kept).toMatchObject({ name: "Ann Mokoena", phone: "27820001111", email: "ann@example.com", whatsappUserId: "ZA.99887766" });
    expect(kept.lastInboundWhatsAppAt).toEqual(new Date("2026-06-01T10:00:00Z"));
    expect((await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).customerId).toBe(keep.id);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).customerId).toBe(keep.id);
    expect(await db.message.count({ where: { customerId: keep.id } })).toBe(1);
    expect(await db.consentEvent.count({ where: { customerId: keep.id } })).toBe(1);
    const [event] = await db.customerEvent.findMany({ where: { customerId: keep.id, kind: "merged" } });
    expect(event).toMatchObject({ actorId: admin.id });
    expect(event!.note).toContain("Merged ann_m (ann@example.com, ZA.99887766) into this customer: 2 quote(s), 1 order(s), 1 message(s) moved.");
  });

  it("keeps the kept customer's own email and phone and says which were left on the quotes", async () => {
    const keep = await makeCustomer({ email: "keep@example.com", phone: "27820002222" });
    const other = await makeCustomer({ email: "other@example.com", phone: "27820003333" });
    const result = await merge({ keepId: keep.id, mergeId: other.id, actorId: null, reason: "" });
    expect(await db.customer.findUniqueOrThrow({ where: { id: keep.id } })).toMatchObject({ email: "keep@example.com", phone: "27820002222" });
    expect(result.note).toContain("the merged email other@example.com and phone +27820003333 remain on their quotes");
  });

  it("keeps an opt-out from either record unless consent came after it", async () => {
    const keep = await makeCustomer({ whatsappConsentAt: new Date("2026-01-01T00:00:00Z") });
    const other = await makeCustomer({ whatsappConsentAt: new Date("2025-12-01T00:00:00Z"), whatsappOptedOutAt: new Date("2026-02-01T00:00:00Z") });
    await merge({ keepId: keep.id, mergeId: other.id, actorId: null, reason: "" });
    expect((await db.customer.findUniqueOrThrow({ where: { id: keep.id } })).whatsappOptedOutAt).toEqual(new Date("2026-02-01T00:00:00Z"));
  });

  it("refuses to merge a customer into itself and leaves nothing half done when one is gone", async () => {
    const keep = await makeCustomer();
    await expect(merge({ keepId: keep.id, mergeId: keep.id, actorId: null, reason: "" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(merge({ keepId: keep.id, mergeId: "missing", actorId: null, reason: "" })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.customerEvent.count({ where: { customerId: keep.id } })).toBe(0);
  });
});
