// The media download route end to end below the browser: a customer sends a file through the
// Graph API sandbox (over HTTP), its signed webhook reaches the app's webhook route, and an admin
// downloads the file through this route, which asks the sandbox where it is and fetches it with
// the token. Anonymous callers get 401; files over WHATSAPP_MEDIA_MAX_BYTES are refused.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TAdmin } from "@/lib/auth/session";
import type { startSandboxServer as TStart } from "@/lib/whatsapp/sandbox/node-server";
import type { TCustomerMessage } from "@/lib/whatsapp/sandbox/inbound";
import { freePort, startReceiver } from "@/test/http-receiver";

let signedIn: TAdmin | null = null;
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => signedIn }));

const MAX_BYTES = 4096;
let graph: Awaited<ReturnType<typeof TStart>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let route: typeof import("./route");
let db: typeof import("@/lib/db").db;
let drainWebhooks: () => Promise<void>;

beforeAll(async () => {
  // The app's configuration is read once, at import: the sandbox's address and the cap go first.
  const port = await freePort();
  process.env.WHATSAPP_API_BASE_URL = `http://127.0.0.1:${port}`;
  process.env.WHATSAPP_MEDIA_MAX_BYTES = String(MAX_BYTES);
  const { startSandboxServer } = await import("@/lib/whatsapp/sandbox/node-server");
  const { whatsappConfig } = await import("@/lib/env");
  receiver = await startReceiver(async (request) => (await import("@/app/api/webhooks/whatsapp/route")).POST(request));
  graph = await startSandboxServer({ ...whatsappConfig, port, webhookUrl: `${receiver.url}/api/webhooks/whatsapp`, webhookDelayMs: 1 });
  route = await import("./route");
  db = (await import("@/lib/db")).db;
  ({ drainWebhooks } = await import("@/test/webhook-requests"));
});

afterAll(async () => {
  await graph?.sandbox.settle();
  await graph?.close();
  await receiver?.close();
});

let phone = 27825550300;
/** The customer sends `message`; the stored inbound row's id. */
async function customerSends(message: TCustomerMessage): Promise<string> {
  const sent = await graph.sandbox.sendFromCustomer({ from: String(++phone), message });
  expect(sent.status).toBe(200);
  await drainWebhooks();
  return (await db.message.findUniqueOrThrow({ where: { providerMessageId: sent.wamid } })).id;
}

const download = (messageId: string) => route.GET(new Request(`http://localhost/api/admin/media/${messageId}`), { params: Promise.resolve({ messageId }) });

describe("GET /api/admin/media/[messageId]", () => {
  it("refuses anonymous callers with 401, before asking WhatsApp anything", async () => {
    signedIn = null;
    const id = await customerSends({ type: "image", file: { bytes: "png", mimeType: "image/png" } });
    const response = await download(id);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("serves an admin the photo's bytes with its type, inline, never cached, without the token or Meta's URL", async () => {
    signedIn = { id: "a1", email: "admin@example.com", name: "Admin", role: "staff" };
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7]);
    const id = await customerSends({ type: "image", file: { bytes, mimeType: "image/png" }, caption: "This one" });
    const response = await download(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="image-.+\.png"/);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body).toEqual(bytes);
    const headers = JSON.stringify([...response.headers]);
    expect(headers).not.toContain(process.env.WHATSAPP_API_BASE_URL!.split("//")[1]!);
    expect(headers).not.toContain("Bearer");
    expect((await db.message.findUniqueOrThrow({ where: { id } })).mediaSize).toBe(bytes.length);
  });

  it("makes a document a download under its own name", async () => {
    signedIn = { id: "a1", email: "admin@example.com", name: "Admin", role: "staff" };
    const id = await customerSends({ type: "document", file: { bytes: "%PDF-1.4", mimeType: "application/pdf", filename: "Brief – Ann.pdf" } });
    const response = await download(id);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="Brief _ Ann.pdf"; filename*=UTF-8''${encodeURIComponent("Brief – Ann.pdf")}`);
  });

  it("refuses a file over the cap with a clear message, and a message without a file with 404", async () => {
    signedIn = { id: "a1", email: "admin@example.com", name: "Admin", role: "owner" };
    const big = await customerSends({ type: "video", file: { bytes: new Uint8Array(MAX_BYTES + 1), mimeType: "video/mp4" } });
    const refused = await download(big);
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/larger than the .* the app downloads \(WHATSAPP_MEDIA_MAX_BYTES\)/);
    const text = await customerSends({ type: "text", body: "no file here" });
    expect((await download(text)).status).toBe(404);
  });

  it("says so when WhatsApp no longer has the file", async () => {
    signedIn = { id: "a1", email: "admin@example.com", name: "Admin", role: "owner" };
    const id = await customerSends({ type: "sticker", file: { bytes: "webp", mimeType: "image/webp" } });
    graph.sandbox.reset();
    const response = await download(id);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringMatching(/no longer has this file/) } });
  });
});
