// The webhook route against a real database file: signatures, storage before acknowledgement,
// batched and repeated deliveries, forward-only statuses and inbound messages.
import { createHmac } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { whatsappConfig } from "@/lib/env";
import { processStoredDeliveries } from "@/lib/messages/webhook-inbox";
import { GET, POST } from "./route";

const URL = "http://localhost/api/webhooks/whatsapp";

function sign(body: string, secret = whatsappConfig.appSecret) {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

function post(body: string, signature: string | null = sign(body)) {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature) headers.set("x-hub-signature-256", signature);
  return POST(new Request(URL, { method: "POST", body, headers }));
}

function envelope(value: Record<string, unknown>, changes = 1) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: whatsappConfig.wabaId,
        changes: Array.from({ length: changes }, () => ({
          field: "messages",
          value: { messaging_product: "whatsapp", metadata: { display_phone_number: "27826754285", phone_number_id: whatsappConfig.phoneNumberId }, ...value },
        })),
      },
    ],
  };
}

function status(id: string, value: string, seconds: number, extra: Record<string, unknown> = {}) {
  return { id, status: value, timestamp: String(seconds), recipient_id: "27821234567", ...extra };
}

async function drain() {
  while ((await processStoredDeliveries()) > 0) {
    // apply everything stored so far
  }
}

let messageId: string;
const WAMID = "wamid.TEST-1";

beforeEach(async () => {
  await db.messageStatusEvent.deleteMany();
  await db.message.deleteMany();
  await db.webhookDelivery.deleteMany();
  await db.customer.deleteMany();
  const customer = await db.customer.create({ data: { name: "Ann", phone: "27821234567", contactPreference: "whatsapp" } });
  const message = await db.message.create({
    data: { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "template", customerId: customer.id, status: "accepted", statusRank: 1, providerMessageId: WAMID },
  });
  messageId = message.id;
});

describe("GET verification handshake", () => {
  it("answers the challenge when the token matches", async () => {
    const response = await GET(new Request(`${URL}?hub.mode=subscribe&hub.verify_token=${whatsappConfig.verifyToken}&hub.challenge=1158201444`));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("1158201444");
  });

  it("refuses a wrong token with 403", async () => {
    const response = await GET(new Request(`${URL}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`));
    expect(response.status).toBe(403);
  });
});

describe("POST", () => {
  it("refuses a missing or wrong signature with 401 and stores nothing", async () => {
    const body = JSON.stringify(envelope({ statuses: [status(WAMID, "delivered", 1_732_450_000)] }));
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, sign(body, "wrong-secret"))).status).toBe(401);
    expect((await post(body, sign(`${body} `))).status).toBe(401);
    expect(await db.webhookDelivery.count()).toBe(0);
  });

  it("stores a signed delivery before answering 200", async () => {
    const body = JSON.stringify(envelope({ statuses: [status(WAMID, "sent", 1_732_450_000)] }));
    const response = await post(body);
    expect(response.status).toBe(200);
    const stored = await db.webhookDelivery.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.body).toBe(body);
  });

  it("moves statuses forward only, keeps every status once, and survives repeats", async () => {
    // read arrives first, then a late delivered, then the same read again
    await post(JSON.stringify(envelope({ statuses: [status(WAMID, "read", 1_732_450_030)] })));
    await post(JSON.stringify(envelope({ statuses: [status(WAMID, "delivered", 1_732_450_020), status(WAMID, "sent", 1_732_450_010)] })));
    await post(JSON.stringify(envelope({ statuses: [status(WAMID, "read", 1_732_450_030)] })));
    await drain();

    const message = await db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(message.status).toBe("read");
    expect(message.sentAt?.toISOString()).toBe(new Date(1_732_450_010_000).toISOString());
    expect(message.deliveredAt?.toISOString()).toBe(new Date(1_732_450_020_000).toISOString());
    expect(message.readAt?.toISOString()).toBe(new Date(1_732_450_030_000).toISOString());
    const events = await db.messageStatusEvent.findMany({ where: { messageId }, orderBy: { occurredAt: "asc" } });
    expect(events.map((event) => event.status)).toEqual(["sent", "delivered", "read"]);
  });

  it("applies every status of a batched POST (several entries' changes)", async () => {
    const other = await db.message.create({
      data: { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "text", status: "accepted", statusRank: 1, providerMessageId: "wamid.TEST-2" },
    });
    const body = envelope({ statuses: [status(WAMID, "delivered", 1_732_450_020)] }, 1);
    body.entry.push(envelope({ statuses: [status("wamid.TEST-2", "sent", 1_732_450_021), status("wamid.TEST-2", "delivered", 1_732_450_022)] }).entry[0]!);
    expect((await post(JSON.stringify(body))).status).toBe(200);
    await drain();
    expect((await db.message.findUniqueOrThrow({ where: { id: messageId } })).status).toBe("delivered");
    expect((await db.message.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("delivered");
  });

  it("matches a status by our own id in biz_opaque_callback_data before the wamid is stored", async () => {
    const pending = await db.message.create({
      data: { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "text", status: "sending", statusRank: 0 },
    });
    await post(JSON.stringify(envelope({ statuses: [status("wamid.LATE", "sent", 1_732_450_040, { biz_opaque_callback_data: pending.id })] })));
    await drain();
    const message = await db.message.findUniqueOrThrow({ where: { id: pending.id } });
    expect(message.status).toBe("sent");
    expect(message.providerMessageId).toBe("wamid.LATE");
  });

  it("records Meta's reason on a failed status", async () => {
    const failed = status(WAMID, "failed", 1_732_450_050, {
      errors: [{ code: 131026, title: "Message undeliverable", message: "Message undeliverable", error_data: { details: "Not a WhatsApp user" } }],
    });
    await post(JSON.stringify(envelope({ statuses: [status(WAMID, "sent", 1_732_450_045), failed] })));
    await drain();
    const message = await db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(message.status).toBe("failed");
    expect(message.errorCode).toBe("131026");
    expect(message.errorTitle).toBeTruthy();
    expect(message.failedAt).not.toBeNull();
  });

  it("records an inbound message once, opening the customer's window and matching by phone", async () => {
    const inbound = envelope({
      contacts: [{ profile: { name: "Ann" }, wa_id: "27821234567" }],
      messages: [{ from: "27821234567", id: "wamid.IN-1", timestamp: "1732450100", type: "text", text: { body: "Yes please" } }],
    });
    await post(JSON.stringify(inbound));
    await post(JSON.stringify(inbound));
    await drain();
    const messages = await db.message.findMany({ where: { direction: "inbound" } });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.body).toBe("Yes please");
    const customer = await db.customer.findUniqueOrThrow({ where: { phone: "27821234567" } });
    expect(customer.lastInboundWhatsAppAt?.toISOString()).toBe(new Date(1_732_450_100_000).toISOString());
    expect(await db.customer.count()).toBe(1);
  });

  it("answers 200 to unknown and malformed payloads and records them", async () => {
    expect((await post(JSON.stringify({ object: "page", entry: [{ id: "1", changes: [{ field: "feed", value: {} }] }] }))).status).toBe(200);
    expect((await post("this is not json")).status).toBe(200);
    await drain();
    const outcomes = (await db.webhookDelivery.findMany({ orderBy: { receivedAt: "asc" } })).map((delivery) => delivery.outcome);
    expect(outcomes).toHaveLength(2);
    expect(outcomes).toContain("malformed");
    expect((await db.message.findUniqueOrThrow({ where: { id: messageId } })).status).toBe("accepted");
  });
});
