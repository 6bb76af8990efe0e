// The customer page's WhatsApp identity and opt-out, rendered on the server against the test
// database: the username of a customer known only by it, and how and when they opted out.
import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { db } from "@/lib/db";
import type { TAdmin } from "@/lib/auth/session";
import { makeCustomer } from "@/test/factories";

const ADMIN: TAdmin = { id: "a1", email: "admin@example.com", name: "Admin", role: "owner" };
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => ADMIN, requireAdmin: async () => ADMIN }));
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ push: vi.fn(), refresh: vi.fn(), replace: vi.fn() }),
  usePathname: () => "/admin/customers",
  useSearchParams: () => new URLSearchParams(),
}));

const { default: CustomerPage } = await import("./page");
const page = async (id: string) => renderToStaticMarkup(await CustomerPage({ params: Promise.resolve({ id }) } as never));

describe("/admin/customers/[id]", () => {
  it("shows the WhatsApp username and user id of a customer without a phone number", async () => {
    const customer = await db.customer.create({ data: { name: "Ann", whatsappUserId: "ZA.4242", whatsappUsername: "ann_m", contactPreference: "whatsapp" } });
    const html = await page(customer.id);
    expect(html).toContain("@ann_m");
    expect(html).toContain("User id ZA.4242");
    expect(html).toContain("WhatsApp messages go to this user id");
  });

  it("says the customer opted out by STOP, when, and that automatic messages go by email", async () => {
    const customer = await makeCustomer({ whatsappOptedOutAt: new Date("2026-11-20T08:00:00Z") });
    await db.consentEvent.create({ data: { customerId: customer.id, channel: "whatsapp", action: "withdrawn", source: "whatsapp-inbound", text: 'The customer wrote "STOP" on WhatsApp.' } });
    const html = await page(customer.id);
    expect(html).toMatch(/Opted out of WhatsApp on 20 Nov 2026[^<]* by sending STOP on WhatsApp: no WhatsApp messages go to them, automatic messages go by email\./);
  });
});
