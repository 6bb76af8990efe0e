// The sandbox's customer phones over HTTP: an admin makes a customer send any inbound type, the
// request is checked by its schema, and the sandbox posts Meta's signed webhook for it.
import { describe, expect, it, vi } from "vitest";
import type { TAdmin } from "@/lib/auth/session";
import { parseInboundContent } from "@/lib/whatsapp/inbound-content";
import { parseWebhook } from "@/lib/whatsapp/webhook";

let signedIn: TAdmin | null = null;
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => signedIn }));
const { POST } = await import("./route");
const { getSandbox } = await import("@/lib/sandbox");

const post = (body: unknown) => POST(new Request("http://localhost/api/sandbox/customer", { method: "POST", body: JSON.stringify(body) }));

describe("POST /api/sandbox/customer", () => {
  it("refuses anonymous callers, and a message that does not fit its schema, naming the field", async () => {
    signedIn = null;
    expect((await post({ from: "27821234567", message: { type: "text", body: "hi" } })).status).toBe(401);
    signedIn = { id: "a1", email: "admin@example.com", name: "Admin", role: "staff" };
    const refused = await post({ from: "+27 82", message: { type: "location", latitude: 100, longitude: 0 } });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/from: .*digits.*message\.latitude/);
  });

  it("posts the customer's photo as Meta's webhook, with its media kept for download", async () => {
    signedIn = { id: "a1", email: "admin@example.com", name: "Admin", role: "staff" };
    const response = await post({ from: "27821234567", replyTo: "wamid.OURS", message: { type: "image", caption: "This one", file: { mimeType: "image/png", base64: Buffer.from("png!").toString("base64") } } });
    expect(response.status).toBe(200);
    const sent = (await response.json()) as { wamid: string; mediaId: string };
    const delivery = getSandbox()!.deliveries.find((posted) => posted.body.includes(sent.wamid))!;
    const [event] = parseWebhook(JSON.parse(delivery.body));
    expect(event).toMatchObject({ type: "message", wamid: sent.wamid, contextWamid: "wamid.OURS" });
    expect(parseInboundContent(event!.type === "message" ? event!.raw : null)).toMatchObject({ kind: "image", media: { id: sent.mediaId, mimeType: "image/png", caption: "This one" } });
  });
});
