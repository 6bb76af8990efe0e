// Read receipts on a real database and the Graph API sandbox over HTTP: one per inbound message,
// however often it is asked for (also twice at once), and a refusal leaves it to be tried again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { whatsappConfig } from "@/lib/env";
import { markInboundRead } from "@/lib/messages/mark-read";
import { createWhatsAppClient } from "@/lib/whatsapp/client";
import { startSandboxServer } from "@/lib/whatsapp/sandbox/node-server";

let graph: Awaited<ReturnType<typeof startSandboxServer>>;
const receipts: unknown[] = [];
const counting: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (init?.method === "POST") receipts.push(JSON.parse(String(init.body)));
  return response;
};

beforeAll(async () => {
  graph = await startSandboxServer({ ...whatsappConfig, webhookUrl: "http://127.0.0.1:9/unused", webhookRetryDelaysMs: [] });
});
afterAll(() => graph?.close());

const client = (token = whatsappConfig.accessToken) => createWhatsAppClient({ ...whatsappConfig, accessToken: token, baseUrl: graph.url }, { fetch: counting });

let n = 0;
const inbound = (extra: { channel?: string; direction?: string } = {}) =>
  db.message.create({ data: { channel: "whatsapp", direction: "inbound", origin: "customer", kind: "text", status: "received", providerMessageId: `wamid.R${++n}`, ...extra } });

describe("markInboundRead", () => {
  it("sends Meta's read receipt for the message once, and records when", async () => {
    receipts.length = 0;
    const message = await inbound();
    const now = new Date("2026-12-03T10:00:00Z");
    expect(await markInboundRead(message.id, { client: client(), now })).toBe("sent");
    expect(receipts).toEqual([{ messaging_product: "whatsapp", status: "read", message_id: message.providerMessageId }]);
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).readReceiptSentAt).toEqual(now);

    expect(await markInboundRead(message.id, { client: client() })).toBe("already_sent");
    const twice = await Promise.all([inbound(), inbound()].map(async (made) => (await made).id));
    const outcomes = await Promise.all(twice.flatMap((id) => [markInboundRead(id, { client: client() }), markInboundRead(id, { client: client() })]));
    expect(outcomes.sort()).toEqual(["already_sent", "already_sent", "sent", "sent"]);
    expect(receipts).toHaveLength(3);
  });

  it("gives the claim back when Meta refuses, so a later try sends it", async () => {
    const message = await inbound();
    expect(await markInboundRead(message.id, { client: client("expired-token") })).toBe("refused");
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).readReceiptSentAt).toBeNull();
    expect(await markInboundRead(message.id, { client: client() })).toBe("sent");
  });

  it("does nothing for our own messages or emails", async () => {
    const outbound = await inbound({ direction: "outbound" });
    const email = await inbound({ channel: "email" });
    expect(await markInboundRead(outbound.id, { client: client() })).toBe("not_whatsapp");
    expect(await markInboundRead(email.id, { client: client() })).toBe("not_whatsapp");
    expect(await markInboundRead("no-such-id", { client: client() })).toBe("not_whatsapp");
  });
});
