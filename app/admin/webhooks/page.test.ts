// The webhooks page and the dashboard's heartbeat, rendered on the server against the test
// database: what an admin checks (the counts, the error, the body shown as text, the buttons).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { db } from "@/lib/db";
import type { TAdmin } from "@/lib/auth/session";

const ADMIN: TAdmin = { id: "a1", email: "admin@example.com", name: "Admin", role: "owner" };
const requireAdmin = vi.fn<(path: string) => Promise<TAdmin>>(async () => ADMIN);
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => ADMIN, requireAdmin: (path: string) => requireAdmin(path) }));
vi.mock("next/navigation", async (original) => ({ ...(await original<typeof import("next/navigation")>()), useRouter: () => ({ refresh: vi.fn() }) }));

const { default: WebhooksPage } = await import("./page");
const { webhookHeartbeat } = await import("@/lib/messages/webhook-queries");

const MINUTE = 60_000;

beforeEach(async () => {
  await db.webhookDelivery.deleteMany();
  requireAdmin.mockClear();
});

describe("webhookHeartbeat", () => {
  it("gives the last delivery received, the last applied, the backlog with its oldest, and the parked count", async () => {
    const now = Date.now();
    const ago = (minutes: number) => new Date(now - minutes * MINUTE);
    await db.webhookDelivery.createMany({
      data: [
        { source: "whatsapp", body: "{}", receivedAt: ago(30), processedAt: ago(29), outcome: "applied" },
        { source: "whatsapp", body: "{}", receivedAt: ago(20), nextAttemptAt: ago(19), attempts: 1 },
        { source: "whatsapp", body: "{}", receivedAt: ago(10), nextAttemptAt: ago(10) },
        { source: "whatsapp", body: "{}", receivedAt: ago(40), parkedAt: ago(25), attempts: 5 },
        { source: "whatsapp", body: "{}", receivedAt: ago(5), processedAt: ago(4), outcome: "discarded", parkedAt: ago(4) },
      ],
    });
    expect(await webhookHeartbeat()).toEqual({ lastReceivedAt: ago(5), lastAppliedAt: ago(29), backlog: 2, oldestBacklogAt: ago(20), parked: 1 });
  });
});

describe("/admin/webhooks", () => {
  it("checks the session itself and lists parked deliveries with the error, the body as text, Retry and Discard", async () => {
    await db.webhookDelivery.create({
      data: { source: "whatsapp", body: '{"object":"<script>alert(1)</script>"}', attempts: 5, parkedAt: new Date(), lastError: "P2002: Unique constraint failed on the fields: (`whatsappUserId`)" },
    });
    const html = renderToStaticMarkup(await WebhooksPage());
    expect(requireAdmin).toHaveBeenCalledWith("/admin/webhooks");
    expect(html).toContain("Unique constraint failed");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)");
    expect(html.match(/data-testid="parked-delivery"/g)).toHaveLength(1);
    expect(html).toContain('data-testid="retry-delivery"');
    expect(html).toContain('data-testid="discard-delivery"');
    expect(html).toMatch(/data-testid="webhook-parked"[^>]*>1/);
  });

  it("says when nothing is parked", async () => {
    expect(renderToStaticMarkup(await WebhooksPage())).toContain('data-testid="parked-empty"');
  });
});
