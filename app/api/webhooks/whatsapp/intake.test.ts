// The three deliveries that used to stop webhook intake for good (each acknowledged with 200, so
// Meta never sent anything again): each is now applied or recorded on its own, and the delivery
// stored after it is applied as usual.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeQuote } from "@/test/factories";
import { drainWebhooks, messagesEnvelope, statusPart, webhookRequest } from "@/test/webhook-requests";
import { POST } from "./route";

const WAMID = "wamid.OURS-1";
let messageId: string;

async function post(payload: unknown) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const response = await POST(webhookRequest(body));
  expect(response.status).toBe(200);
}

/** A status for our own message, posted after the troublesome delivery: it must still be applied. */
async function postLaterStatus() {
  await post(messagesEnvelope({ statuses: [statusPart(WAMID, "delivered", 1_732_450_020)] }));
}

async function expectLaterStatusApplied() {
  expect((await db.message.findUniqueOrThrow({ where: { id: messageId } })).status).toBe("delivered");
  expect(await db.webhookDelivery.count({ where: { processedAt: null, parkedAt: null } })).toBe(0);
}

beforeEach(async () => {
  await db.messageStatusEvent.deleteMany();
  await db.message.deleteMany();
  await db.webhookDelivery.deleteMany();
  await db.customerEvent.deleteMany();
  await db.quote.deleteMany();
  await db.customer.deleteMany();
  const message = await db.message.create({
    data: { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "text", status: "accepted", statusRank: 1, providerMessageId: WAMID },
  });
  messageId = message.id;
});

describe("a customer who wrote with a username only, then asked for a quote with her phone", () => {
  it("is joined into one customer with both identifiers when her next WhatsApp carries both", async () => {
    // First contact: a username, no phone number (Meta leaves `from` and `wa_id` out).
    await post(
      messagesEnvelope({
        contacts: [{ profile: { name: "Naledi", username: "@naledi" }, user_id: "ZA.777" }],
        messages: [{ from_user_id: "ZA.777", id: "wamid.IN-1", timestamp: "1732450000", type: "text", text: { body: "Do you do hampers?" } }],
      }),
    );
    await drainWebhooks();
    const usernameOnly = await db.customer.findUniqueOrThrow({ where: { whatsappUserId: "ZA.777" } });
    expect(usernameOnly.phone).toBeNull();

    // Then the quote form, with her phone: a second customer row.
    const quote = await makeQuote({ name: "Naledi M", phone: "27825550101", email: "naledi@example.com" });

    // Her next WhatsApp carries both the phone and the user id.
    await post(
      messagesEnvelope({
        contacts: [{ profile: { name: "Naledi" }, wa_id: "27825550101", user_id: "ZA.777" }],
        messages: [{ from: "27825550101", from_user_id: "ZA.777", id: "wamid.IN-2", timestamp: "1732450100", type: "text", text: { body: "Sent the form!" } }],
      }),
    );
    await postLaterStatus();
    await drainWebhooks();

    const customers = await db.customer.findMany();
    expect(customers).toHaveLength(1);
    const [naledi] = customers;
    // The one with the phone and the quote is kept, and gains the user id.
    expect(naledi).toMatchObject({ id: quote.customerId, phone: "27825550101", whatsappUserId: "ZA.777", email: "naledi@example.com" });
    expect(naledi!.phoneVerifiedAt).not.toBeNull();
    const inbound = await db.message.findMany({ where: { direction: "inbound" }, orderBy: { createdAt: "asc" } });
    expect(inbound.map((message) => [message.providerMessageId, message.customerId])).toEqual([
      ["wamid.IN-1", naledi!.id],
      ["wamid.IN-2", naledi!.id],
    ]);
    expect(await db.customerEvent.count({ where: { customerId: naledi!.id, kind: "merged" } })).toBe(1);
    expect(await db.webhookDelivery.count({ where: { outcome: "applied" } })).toBe(3);
    await expectLaterStatusApplied();
  });
});

describe("values no database can hold are recorded as malformed parts", () => {
  it("a timestamp beyond the range of a date", async () => {
    await post(messagesEnvelope({ statuses: [statusPart(WAMID, "sent", "99999999999999999999")] }));
    await postLaterStatus();
    await drainWebhooks();
    const bad = await db.webhookDelivery.findFirstOrThrow({ where: { outcome: "malformed" } });
    expect(bad.detail).toMatch(/timestamp/);
    await expectLaterStatusApplied();
  });

  it.each([
    ["a lone surrogate in a status id", messagesEnvelope({ statuses: [statusPart("wamid.\ud800", "sent", 1_732_450_010)] })],
    ["a NUL in a status id", messagesEnvelope({ statuses: [statusPart("wamid.\u0000", "sent", 1_732_450_010)] })],
    [
      "a lone surrogate in a wamid",
      messagesEnvelope({ messages: [{ from: "27821234567", id: "wamid.\udc00x", timestamp: "1732450000", type: "text", text: { body: "hi" } }] }),
    ],
    [
      "a NUL in a text body",
      messagesEnvelope({ messages: [{ from: "27821234567", id: "wamid.IN-NUL", timestamp: "1732450000", type: "text", text: { body: "hi\u0000there" } }] }),
    ],
    [
      "a NUL in a failed status's error details",
      messagesEnvelope({
        statuses: [statusPart(WAMID, "failed", 1_732_450_010, { errors: [{ code: 131026, title: "Undeliverable", error_data: { details: "x\u0000" } }] })],
      }),
    ],
  ])("%s", async (_label, payload) => {
    await post(payload);
    await postLaterStatus();
    await drainWebhooks();
    const bad = await db.webhookDelivery.findFirstOrThrow({ where: { outcome: "malformed" } });
    expect(bad.detail).toMatch(/NUL|lone surrogate/);
    // The detail itself is storable text: the offending character is described, not copied.
    expect(bad.detail).not.toMatch(/\u0000/);
    await expectLaterStatusApplied();
    expect(await db.message.count({ where: { direction: "inbound" } })).toBe(0);
  });

  it("a lone surrogate in a profile name: the contact is malformed, the message still goes in without the name", async () => {
    await post(
      messagesEnvelope({
        contacts: [{ profile: { name: "Zo\ud83d" }, wa_id: "27821234567" }],
        messages: [{ from: "27821234567", id: "wamid.IN-NAME", timestamp: "1732450000", type: "text", text: { body: "hi" } }],
      }),
    );
    await postLaterStatus();
    await drainWebhooks();
    const bad = await db.webhookDelivery.findFirstOrThrow({ where: { outcome: "malformed" } });
    expect(bad.detail).toMatch(/contact profile\.name holds a lone surrogate/);
    const inbound = await db.message.findFirstOrThrow({ where: { direction: "inbound" }, include: { customer: true } });
    expect(inbound.customer).toMatchObject({ name: "+27821234567", phone: "27821234567" });
    await expectLaterStatusApplied();
  });
});
