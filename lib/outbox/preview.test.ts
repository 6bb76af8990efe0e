// Previews run against this file's own SQLite database, on real quotes and orders.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/format";
import { DEFAULT_NOTIFICATION_SETTINGS } from "@/lib/notifications/defaults";
import { listPreviewRecords, previewNotification } from "@/lib/outbox/preview";
import { acceptPath, acceptToken, acceptUrl } from "@/lib/quotes/accept-link";
import { makeOrder, makeQuote } from "@/test/factories";

const DAY = 24 * 60 * 60 * 1000;

async function answeredQuote(overrides: { validUntil?: Date; contactPreference?: "email" | "whatsapp" } = {}) {
  const quote = await makeQuote({ name: "Lerato Mokoena", contactPreference: overrides.contactPreference, status: "quoted", quotedAmountCents: 125_050, occasion: "Wedding hamper" });
  const answeredAt = new Date(Date.now() - DAY);
  return db.quote.update({
    where: { id: quote.id },
    data: { answeredAt, validUntil: overrides.validUntil ?? new Date(Date.now() + 6 * DAY), quoteMessage: "With <b>roses</b> & ribbon." },
  });
}

describe("previewNotification", () => {
  it("fills every channel for an answered quote, accept link included, as the dispatcher would", async () => {
    const quote = await answeredQuote();
    const token = acceptToken({ id: quote.id, answeredAt: quote.answeredAt! });
    const preview = await previewNotification(DEFAULT_NOTIFICATION_SETTINGS["quote.answered"], { quoteId: quote.id });

    expect(preview.record).toEqual({ kind: "quote", number: quote.number, customerName: "Lerato Mokoena" });
    expect(preview.whatsappText.body).toContain(`Your quote ${quote.number} for Wedding hamper is ready: ${formatMoney(125_050)}.`);
    expect(preview.whatsappText.body).toContain(acceptUrl(token));
    expect(preview.whatsappTemplate).toEqual({
      name: "quote_ready",
      language: "en",
      parameters: ["Lerato", quote.number, formatMoney(125_050)],
      buttonUrlParameter: acceptPath(token),
    });
    expect(preview.email.subject).toBe(`Your quote ${quote.number}: ${formatMoney(125_050)}`);
    expect(preview.email.text).toContain("With <b>roses</b> & ribbon.");
    // The customer's text is escaped in the HTML, and the link becomes the email's button.
    expect(preview.email.html).toContain("With &lt;b&gt;roses&lt;/b&gt; &amp; ribbon.");
    expect(preview.email.html).toContain(`href="${acceptUrl(token)}"`);
    expect(preview.missing).toEqual([]);
  });

  it("uses the unsaved setting it is given, not the saved one", async () => {
    const quote = await answeredQuote();
    const setting = { ...DEFAULT_NOTIFICATION_SETTINGS["quote.answered"], emailSubject: "Draft for {{customer.name}}", body: "Only {{quote.occasion}}" };
    const preview = await previewNotification(setting, { quoteId: quote.id });
    expect(preview.email.subject).toBe("Draft for Lerato Mokoena");
    expect(preview.whatsappText.body).toBe("Only Wedding hamper");
  });

  it("reports the accept link as missing once the answer has expired, and shows a marked sample in its place", async () => {
    const quote = await answeredQuote({ validUntil: new Date(Date.now() - 1000) });
    const preview = await previewNotification(DEFAULT_NOTIFICATION_SETTINGS["quote.answered"], { quoteId: quote.id });
    expect(preview.missing).toEqual(expect.arrayContaining(["quote.link", "quote.linkPath"]));
    // The preview shows a marked sample where the real message would have a dash or nothing.
    expect(preview.whatsappTemplate?.buttonUrlParameter).toBe("[sample: q/sample-link]");
    expect(preview.whatsappText.body).toContain("[sample: https://example.com/q/sample-link]");
  });

  it("fills an order event from the order, and leaves out quote fields the dispatcher does not load for it", async () => {
    const order = await makeOrder({ name: "Sipho Dlamini", totalCents: 90_000, paidCents: 30_000, orderStatus: "ready", deliveryDate: "2026-12-24" });
    const setting = { ...DEFAULT_NOTIFICATION_SETTINGS["order.ready"], body: "{{order.number}} is {{order.status}}; owed {{order.balance}}. Quote {{quote.number}}." };
    const preview = await previewNotification(setting, { orderId: order.id });
    expect(preview.record).toEqual({ kind: "order", number: order.number, customerName: "Sipho Dlamini" });
    expect(preview.whatsappText.body).toBe(`${order.number} is ready; owed ${formatMoney(60_000)}. Quote [sample: Q-2026-0042].`);
    expect(preview.whatsappTemplate?.parameters).toEqual(["Sipho", order.number, "ready"]);
    expect(preview.missing).toEqual(["quote.number"]);
  });

  it("reaches the order from its quote for quote.accepted, which carries both", async () => {
    const order = await makeOrder({ totalCents: 80_000 });
    const preview = await previewNotification(DEFAULT_NOTIFICATION_SETTINGS["quote.accepted"], { quoteId: order.quoteId });
    expect(preview.email.subject).toBe(`Order ${order.number} confirmed`);
    expect(preview.email.text).toContain(`(${formatMoney(80_000)})`);
    expect(preview.missing).toEqual([]);
  });

  it("says which channel this customer would get now", async () => {
    const whatsapp = await answeredQuote({ contactPreference: "whatsapp" });
    expect((await previewNotification(DEFAULT_NOTIFICATION_SETTINGS["quote.answered"], { quoteId: whatsapp.id })).route).toEqual({
      channel: "whatsapp",
      detail: "On WhatsApp with the template.",
    });
    // quote.declined has no template: outside the window it falls back to email, with the reason.
    const declined = await previewNotification(DEFAULT_NOTIFICATION_SETTINGS["quote.declined"], { quoteId: whatsapp.id });
    expect(declined.route.channel).toBe("email");
    expect(declined.route.detail).toContain("no WhatsApp template is set");
    expect(declined.whatsappTemplate).toBeNull();

    const email = await answeredQuote({ contactPreference: "email" });
    expect((await previewNotification(DEFAULT_NOTIFICATION_SETTINGS["quote.answered"], { quoteId: email.id })).route).toEqual({ channel: "email", detail: "By email." });
  });

  it("refuses a record that does not exist, or no record at all", async () => {
    await expect(previewNotification(DEFAULT_NOTIFICATION_SETTINGS["order.ready"], { orderId: "missing" })).rejects.toThrow(AppError);
    await expect(previewNotification(DEFAULT_NOTIFICATION_SETTINGS["order.ready"], {})).rejects.toThrow("That quote or order no longer exists.");
  });
});

describe("listPreviewRecords", () => {
  it("lists the newest quotes and orders first, with the customer's name, up to the limit", async () => {
    const older = await makeQuote({ name: "Old Customer", createdAt: new Date(Date.now() + 10 * DAY) });
    const newer = await makeQuote({ name: "New Customer", createdAt: new Date(Date.now() + 11 * DAY) });
    const order = await makeOrder({ name: "Order Customer", orderCreatedAt: new Date(Date.now() + 12 * DAY) });
    const records = await listPreviewRecords(2);
    expect(records.quotes).toEqual([
      { kind: "quote", id: newer.id, number: newer.number, customerName: "New Customer", status: "new" },
      { kind: "quote", id: older.id, number: older.number, customerName: "Old Customer", status: "new" },
    ]);
    expect(records.orders[0]).toEqual({ kind: "order", id: order.id, number: order.number, customerName: "Order Customer", status: "confirmed" });
    expect(records.orders.length).toBeLessThanOrEqual(2);
  });
});
