// The audit pages rendered on the server against the test database: what an admin would check
// (the marked rows, the links, the redacted payload, the fix for an error), not the markup.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import { db } from "@/lib/db";
import type { TAdmin } from "@/lib/auth/session";
import { makeAdmin, makeCustomer, makeOrder, makeQuote } from "@/test/factories";

const ADMIN: TAdmin = { id: "a1", email: "admin@example.com", name: "Admin", role: "owner" };
const requireAdmin = vi.fn<(path: string) => Promise<TAdmin>>(async () => ADMIN);
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => ADMIN, requireAdmin: (path: string) => requireAdmin(path) }));
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }),
  usePathname: () => "/admin/messages",
  useSearchParams: () => new URLSearchParams(),
}));

const { default: MessagesPage } = await import("./page");
const { default: MessagePage } = await import("./[id]/page");

const render = (element: ReactElement) => renderToStaticMarkup(element);
const listPage = async (query: Record<string, string> = {}) => render(await MessagesPage({ searchParams: Promise.resolve(query) } as never));
const detailPage = async (id: string) => render(await MessagePage({ params: Promise.resolve({ id }) } as never));

/** The rows' markup, in page order. */
const rowsOf = (html: string) => html.split('data-testid="message-row"').slice(1);

beforeEach(async () => {
  await db.message.deleteMany();
  requireAdmin.mockClear();
});

describe("/admin/messages", () => {
  it("checks the session itself, coming back to the same filtered view after sign-in", async () => {
    await listPage({ status: "attention", page: "2" });
    expect(requireAdmin).toHaveBeenCalledWith("/admin/messages?status=attention&page=2");
  });

  it("marks messages needing attention, puts them first with a retry, and links each row to its message, customer, quote and order", async () => {
    const customer = await makeCustomer({ name: "Thandi Mokoena" });
    const quote = await makeQuote({ customerId: customer.id });
    const order = await makeOrder({ quoteId: quote.id });
    const failed = await db.message.create({
      data: { channel: "whatsapp", direction: "outbound", origin: "system:order.ready", event: "order.ready", kind: "template", templateName: "order_ready", status: "failed", errorTitle: "Access token expired", attempts: 3, customerId: customer.id, orderId: order.id, quoteId: quote.id, createdAt: new Date("2026-03-01T10:00:00Z") },
    });
    const sent = await db.message.create({
      data: { channel: "email", direction: "outbound", origin: "admin", kind: "email", subject: "Your quote", status: "sent", customerId: customer.id, quoteId: quote.id, createdAt: new Date("2026-03-02T10:00:00Z") },
    });

    const html = await listPage();
    const [first, second] = rowsOf(html);
    expect(first).toContain(`href="/admin/messages/${failed.id}"`);
    expect(first).toContain('data-attention="true"');
    expect(first).toContain("Needs attention");
    expect(first).toContain("Access token expired");
    expect(first).toContain("Send again to Thandi Mokoena");
    expect(first).toContain(`href="/admin/customers/${customer.id}"`);
    expect(first).toContain(`href="/admin/quotes/${quote.id}"`);
    expect(first).toContain(`href="/admin/orders/${order.id}"`);
    expect(first).toContain("Automatic: Order ready");
    expect(second).toContain(`href="/admin/messages/${sent.id}"`);
    expect(second).toContain("Your quote");
    expect(second).not.toContain("data-attention");
    expect(second).not.toContain("Send again");
    expect(html).toContain("1 message needs attention");
  });

  it("offers no Send again where it would fail the same way: it says what to fix first, links the customer, and Retry refuses with the same words", async () => {
    // Opted out of WhatsApp and no email address: no channel is left for the automatic message.
    const stuck = await makeQuote({ name: "Sipho Dlamini", email: null, whatsappOptedOutAt: new Date("2026-03-01T09:00:00Z") });
    const blocked = await db.message.create({
      data: { channel: "whatsapp", direction: "outbound", origin: "system:quote.received", event: "quote.received", kind: "notification", status: "failed", errorTitle: "No way to reach the customer", attempts: 1, customerId: stuck.customerId, quoteId: stuck.id, createdAt: new Date("2026-03-02T10:00:00Z") },
    });
    // The same kind of message to a customer with an email address can go again.
    const reachable = await makeQuote({ name: "Lerato Khumalo", whatsappOptedOutAt: new Date("2026-03-01T09:00:00Z") });
    const retryable = await db.message.create({
      data: { channel: "whatsapp", direction: "outbound", origin: "system:quote.received", event: "quote.received", kind: "notification", status: "failed", errorTitle: "Message undeliverable", attempts: 1, customerId: reachable.customerId, quoteId: reachable.id, createdAt: new Date("2026-03-01T10:00:00Z") },
    });

    const rows = rowsOf(await listPage());
    const blockedRow = rows.find((row) => row.includes(`/admin/messages/${blocked.id}`))!;
    const retryableRow = rows.find((row) => row.includes(`/admin/messages/${retryable.id}`))!;
    expect(blockedRow).not.toContain('data-testid="retry-message"');
    expect(blockedRow).toContain('data-testid="send-again-blocked"');
    expect(blockedRow).toContain("Fix first: ");
    expect(blockedRow).toContain("Add an email address: the customer opted out of WhatsApp, and only their START (or new consent) lets WhatsApp messages go again.");
    expect(blockedRow).toContain(`href="/admin/customers/${stuck.customerId}"`);
    expect(blockedRow).toContain("Open Sipho Dlamini");
    expect(retryableRow).toContain("Send again to Lerato Khumalo");
    expect(retryableRow).not.toContain("send-again-blocked");

    const { retryMessage } = await import("@/lib/outbox/retry");
    await expect(retryMessage({ messageId: blocked.id, expectedAttempts: 1 }, ADMIN.id)).rejects.toThrow(/opted out of WhatsApp.*Add an email address: the customer opted out of WhatsApp, and only their START/);
    expect((await db.message.findUniqueOrThrow({ where: { id: blocked.id } })).status).toBe("failed");
  });

  it("says when no message matches the filters, with a way back to all", async () => {
    await db.message.create({ data: { channel: "email", direction: "outbound", origin: "admin", kind: "email", status: "sent" } });
    const html = await listPage({ channel: "whatsapp" });
    expect(rowsOf(html)).toHaveLength(0);
    expect(html).toContain("No messages match these filters.");
    expect(html).toContain('href="/admin/messages"');
  });
});

describe("/admin/messages/[id]", () => {
  it("shows the error with its fix, the fallback reason, every attempt, the status history and the payload without secrets", async () => {
    const admin = await makeAdmin({ name: "Naledi" });
    const customer = await makeCustomer({ name: "Sipho Dube" });
    const message = await db.message.create({
      data: {
        channel: "whatsapp",
        direction: "outbound",
        origin: "admin",
        kind: "template",
        templateName: "quote_answered",
        templateLanguage: "en",
        templateParams: JSON.stringify(["Sipho", "R 750,00"]),
        status: "uncertain",
        attempts: 2,
        sentById: admin.id,
        customerId: customer.id,
        recipient: "27821234567",
        fallbackReason: "The customer has not agreed to WhatsApp messages.",
        errorCode: "190",
        errorTitle: "Access token expired",
        errorDetail: "Make a new access token in Meta's Business Manager and set WHATSAPP_ACCESS_TOKEN.",
        errorTraceId: "AbCdTrace",
        requestPayload: JSON.stringify({ to: "27821234567", headers: { Authorization: "Bearer EAAGleaked" }, access_token: "EAAGalso" }),
        sendAttempts: {
          create: [
            { number: 2, channel: "whatsapp", startedAt: new Date("2026-03-01T10:05:00Z"), outcome: "uncertain", errorTitle: "Timed out" },
            { number: 1, channel: "whatsapp", startedAt: new Date("2026-03-01T10:00:00Z"), outcome: "retry", errorTitle: "Rate limit reached" },
          ],
        },
        statusEvents: { create: [{ status: "sent", occurredAt: new Date("2026-03-01T10:06:00Z") }] },
      },
    });

    const html = await detailPage(message.id);
    expect(html).toContain("WhatsApp message to Sipho Dube");
    expect(html).toContain("How to fix: </span>Make a new access token");
    expect(html).toContain("AbCdTrace");
    expect(html).toContain("The customer has not agreed to WhatsApp messages.");
    expect(html.indexOf("Rate limit reached")).toBeGreaterThan(-1);
    expect(html.indexOf("Rate limit reached")).toBeLessThan(html.indexOf("Timed out"));
    expect(html).toContain('data-testid="message-status-history"');
    expect(html).toContain("quote_answered");
    expect(html).toContain("R 750,00");
    expect(html).toContain("Naledi");
    expect(html).toContain(`href="/admin/customers/${customer.id}"`);
    expect(html).toContain("&quot;to&quot;: &quot;27821234567&quot;");
    expect(html).not.toContain("EAAGleaked");
    expect(html).not.toContain("EAAGalso");
    expect(html).toContain("Send again");
  });

  it("shows an email's subject and the mail server's answer, and no retry for a delivered message", async () => {
    const message = await db.message.create({
      data: { channel: "email", direction: "outbound", origin: "system:quote.answered", event: "quote.answered", kind: "email", subject: "Your quote Q-2026-0001", body: "Hello", status: "sent", providerResponse: "250 2.0.0 OK queued as 12345" },
    });
    const html = await detailPage(message.id);
    expect(html).toContain("Your quote Q-2026-0001");
    expect(html).toContain("250 2.0.0 OK queued as 12345");
    expect(html).toContain("Quote answered");
    expect(html).not.toContain("Send again");
  });

  it("is not found for an unknown id", async () => {
    await expect(detailPage("no-such-message")).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });

  it("shows what a customer sent: a photo opens through the admin-only media route", async () => {
    const message = await db.message.create({
      data: { channel: "whatsapp", direction: "inbound", origin: "customer", kind: "image", status: "received", body: "Like this one", mediaId: "778899", mediaMimeType: "image/jpeg" },
    });
    const html = await detailPage(message.id);
    expect(html).toContain(`href="/api/admin/media/${message.id}"`);
    expect(html).toContain("Like this one");
    expect(html).not.toContain("778899");
  });
});
