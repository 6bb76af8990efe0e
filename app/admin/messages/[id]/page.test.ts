// The message page's wording about fallbacks and Send again, rendered on the server against the
// test database: "sent by email instead" only when an email went, and no Send again that would
// fail the same way.
import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { db } from "@/lib/db";
import type { TAdmin } from "@/lib/auth/session";
import { makeCustomer, makeQuote } from "@/test/factories";

const ADMIN: TAdmin = { id: "a1", email: "admin@example.com", name: "Admin", role: "owner" };
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => ADMIN, requireAdmin: async () => ADMIN }));
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }),
  usePathname: () => "/admin/messages",
  useSearchParams: () => new URLSearchParams(),
}));

const { default: MessagePage } = await import("./page");
const detailPage = async (id: string) => renderToStaticMarkup(await MessagePage({ params: Promise.resolve({ id }) } as never));

async function failedAutomatic(customer: { email?: string | null; whatsappOptedOutAt?: Date | null; whatsappConsentAt?: Date | null }) {
  const quote = await makeQuote(customer);
  return db.message.create({
    data: {
      channel: "whatsapp",
      direction: "outbound",
      origin: "system:quote.received",
      event: "quote.received",
      kind: "notification",
      status: "failed",
      attempts: 2,
      customerId: quote.customerId,
      quoteId: quote.id,
      errorCode: "no_channel",
      errorTitle: "No way to reach the customer",
      errorDetail: "WhatsApp refused it: Message undeliverable (code 131026). The customer has no email address to send it to instead.",
      sendAttempts: {
        create: [
          { number: 1, channel: "whatsapp", startedAt: new Date("2026-03-01T10:00:00Z"), outcome: "fallback", errorCode: "131026", errorTitle: "Message undeliverable" },
          { number: 2, channel: "none", startedAt: new Date("2026-03-01T10:00:05Z"), outcome: "failed", errorCode: "no_channel", errorTitle: "No way to reach the customer" },
        ],
      },
    },
  });
}

describe("/admin/messages/[id] after a fallback", () => {
  it("never says sent by email when there was no address, and offers no Send again that cannot work", async () => {
    const message = await failedAutomatic({ email: null, whatsappConsentAt: null });
    const html = await detailPage(message.id);
    expect(html).not.toContain("Sent by email instead");
    expect(html).toContain("Refused by WhatsApp: no email address to send it to instead");
    expect(html).not.toContain('data-testid="retry-message"');
    expect(html).toContain('data-testid="send-again-blocked"');
    expect(html).toContain("Add an email address or get WhatsApp consent");
  });

  it("says what to fix for an opted-out customer without email", async () => {
    const message = await failedAutomatic({ email: null, whatsappOptedOutAt: new Date("2026-03-01T09:00:00Z") });
    const html = await detailPage(message.id);
    expect(html).toContain("Add an email address: the customer opted out of WhatsApp");
    expect(html).not.toContain('data-testid="retry-message"');
  });

  it("offers Send again once a channel exists, and says sent by email only for an email that went", async () => {
    const failed = await failedAutomatic({});
    expect(await detailPage(failed.id)).toContain('data-testid="retry-message"');

    const customer = await makeCustomer();
    const emailed = await db.message.create({
      data: {
        channel: "email",
        direction: "outbound",
        origin: "system:quote.received",
        event: "quote.received",
        kind: "notification",
        status: "sent",
        sentAt: new Date(),
        attempts: 1,
        customerId: customer.id,
        fallbackReason: "The customer opted out of WhatsApp on 1 Mar 2026.",
      },
    });
    expect(await detailPage(emailed.id)).toContain("Sent by email instead of WhatsApp: </span>The customer opted out of WhatsApp on 1 Mar 2026.");
  });
});
