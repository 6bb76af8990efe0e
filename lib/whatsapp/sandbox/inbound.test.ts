// The sandbox's customer side through handle(), its webhooks caught by an injected fetch: every
// inbound type arrives signed and in Meta's shape (read back by the app's own parsers), media is
// served like Meta's (lookup, then a download that needs the token), and in Meta's window mode free
// text outside the 24-hour window is accepted and then failed by webhook.
import { describe, expect, it } from "vitest";
import { createGraphSandbox, type TSandboxOptions } from "@/lib/whatsapp/sandbox";
import type { TCustomerMessage } from "@/lib/whatsapp/sandbox/inbound";
import { parseInboundContent } from "@/lib/whatsapp/inbound-content";
import { parseWebhook, verifySignature, type TWebhookEvent } from "@/lib/whatsapp/webhook";

const SECRET = "app-secret";
const TOKEN = "token-1";
const PNID = "111";
const CUSTOMER = "27821234567";

function sandboxWithInbox(options: Partial<TSandboxOptions> = {}) {
  const bodies: { body: string; signature: string | null }[] = [];
  const sandbox = createGraphSandbox({
    appSecret: SECRET,
    accessToken: TOKEN,
    phoneNumberId: PNID,
    wabaId: "222",
    webhookUrl: "http://app.test/api/webhooks/whatsapp",
    webhookDelayMs: 1,
    publicUrl: "http://sandbox.test/graph",
    fetch: async (_url, init) => {
      bodies.push({ body: String(init?.body), signature: new Headers(init?.headers).get("x-hub-signature-256") });
      return new Response(null, { status: 200 });
    },
    ...options,
  });
  const events = (): TWebhookEvent[] => bodies.flatMap((post) => parseWebhook(JSON.parse(post.body)));
  const get = (path: string, token: string | null = TOKEN) =>
    sandbox.handle(new Request(`http://sandbox.test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));
  return { sandbox, bodies, events, get };
}

const lastMessage = (events: TWebhookEvent[]) => events.filter((event) => event.type === "message").at(-1) as Extract<TWebhookEvent, { type: "message" }>;

describe("a customer sends", () => {
  const file = { bytes: "%PDF-1.4 a small file", mimeType: "application/pdf", filename: "brief.pdf" };
  it.each<[string, TCustomerMessage, Record<string, unknown>]>([
    ["text", { type: "text", body: "Hi" }, { kind: "text", body: "Hi" }],
    ["a quick-reply button", { type: "button", text: "Accept" }, { kind: "button", body: "Accept", replyId: "Accept" }],
    ["a button reply", { type: "button_reply", id: "b1", title: "Morning" }, { kind: "interactive", replyType: "button_reply", replyId: "b1" }],
    ["a list reply", { type: "list_reply", id: "r1", title: "Roses", description: "A dozen" }, { kind: "interactive", replyType: "list_reply", description: "A dozen" }],
    ["a reaction", { type: "reaction", messageId: "wamid.OURS", emoji: "👍" }, { kind: "reaction", emoji: "👍", targetWamid: "wamid.OURS" }],
    ["a document", { type: "document", file, caption: "Our brief" }, { kind: "document", media: { mimeType: "application/pdf", filename: "brief.pdf", caption: "Our brief" } }],
    ["a voice note", { type: "audio", file: { bytes: "ogg", mimeType: "audio/ogg" }, voice: true }, { kind: "audio", media: { voice: true } }],
    ["a location", { type: "location", latitude: -33.9, longitude: 18.4, name: "Shop" }, { kind: "location", latitude: -33.9, name: "Shop" }],
    ["contacts", { type: "contacts", contacts: [{ name: "Bea Ndlovu", phone: "27820001111", email: "bea@example.com" }] }, { kind: "contacts", contacts: [{ name: "Bea Ndlovu", phones: [{ phone: "+27820001111", waId: "27820001111" }], emails: ["bea@example.com"] }] }],
    ["Meta's unsupported", { type: "unsupported" }, { kind: "unsupported", code: 131051 }],
  ])("%s, as a signed webhook the app reads back", async (_label, message, content) => {
    const { sandbox, bodies, events } = sandboxWithInbox();
    const sent = await sandbox.sendFromCustomer({ from: CUSTOMER, message, replyTo: "wamid.OURS", profileName: "Ann" });
    expect(sent.status).toBe(200);
    expect(verifySignature(bodies[0]!.body, bodies[0]!.signature, SECRET)).toBe(true);
    const event = lastMessage(events());
    expect(event).toMatchObject({ wamid: sent.wamid, from: CUSTOMER, userId: sent.userId, profileName: "Ann", contextWamid: "wamid.OURS" });
    expect(parseInboundContent(event.raw)).toMatchObject(content);
  });

  it("STOP and START as plain text, opening the window like any message", async () => {
    const { sandbox, events } = sandboxWithInbox();
    await sandbox.customerStops(CUSTOMER);
    expect(lastMessage(events())).toMatchObject({ kind: "text", text: "STOP" });
    await sandbox.customerStarts(CUSTOMER);
    expect(lastMessage(events())).toMatchObject({ kind: "text", text: "START" });
  });

  it("any raw payload, for odd messages", async () => {
    const { sandbox, events } = sandboxWithInbox();
    await sandbox.sendFromCustomer({ from: CUSTOMER, message: { type: "raw", fields: { type: "order", order: { catalog_id: "1" } } } });
    expect(parseInboundContent(lastMessage(events()).raw)).toMatchObject({ kind: "unsupported", type: "order" });
  });
});

describe("media the customer sent", () => {
  it("is looked up like Meta's (url, mime type, sha256, size) and downloaded with the token only", async () => {
    const { sandbox, get } = sandboxWithInbox();
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const sent = await sandbox.sendFromCustomer({ from: CUSTOMER, message: { type: "image", file: { bytes, mimeType: "image/png" } } });
    const lookup = await get(`/v26.0/${sent.mediaId}`);
    const meta = (await lookup.json()) as { url: string; mime_type: string; sha256: string; file_size: number; id: string };
    expect(meta).toMatchObject({ messaging_product: "whatsapp", mime_type: "image/png", file_size: 7, id: sent.mediaId, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(meta.url.startsWith("http://sandbox.test/graph/v26.0/")).toBe(true);

    const path = meta.url.replace("http://sandbox.test/graph", "");
    expect((await get(path, null)).status).toBe(401);
    const download = await get(path);
    expect(download.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    expect((await get(`/v26.0/${sent.mediaId}`, null)).status).toBe(401);
  });

  it("is unknown after a reset, like an expired media id", async () => {
    const { sandbox, get } = sandboxWithInbox();
    const id = sandbox.storeMedia({ bytes: "x", mimeType: "text/plain" });
    expect((await get(`/v26.0/${id}`)).status).toBe(200);
    sandbox.reset();
    expect(await (await get(`/v26.0/${id}`)).json()).toMatchObject({ error: { code: 100 } });
  });
});

describe("free text outside the 24-hour window, in Meta's window mode", () => {
  it("is accepted with a wamid, then failed by a status webhook with 131047; inside the window it goes through", async () => {
    const { sandbox, events } = sandboxWithInbox({ windowFailure: "webhook" });
    const send = async (body: string) => {
      const response = await sandbox.handle(
        new Request(`http://sandbox.test/v26.0/${PNID}/messages`, {
          method: "POST",
          headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
          body: JSON.stringify({ messaging_product: "whatsapp", to: CUSTOMER, type: "text", text: { body } }),
        }),
      );
      return { status: response.status, wamid: ((await response.json()) as { messages: { id: string }[] }).messages[0]!.id };
    };
    const statusesOf = (wamid: string) => events().flatMap((event) => (event.type === "status" && event.wamid === wamid ? [[event.status, event.error?.code]] : []));

    const outside = await send("Hello?");
    expect(outside.status).toBe(200);
    await sandbox.settle();
    expect(statusesOf(outside.wamid)).toEqual([["failed", 131047]]);

    await sandbox.sendFromCustomer({ from: CUSTOMER, message: { type: "reaction", messageId: outside.wamid, emoji: "👋" } });
    const inside = await send("Hello Ann");
    await sandbox.settle();
    expect(statusesOf(inside.wamid)).toEqual([["sent", undefined], ["delivered", undefined], ["read", undefined]]);
  });
});
