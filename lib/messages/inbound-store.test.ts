// Customer WhatsApp messages through the real intake on a real database: each inbound type is
// stored with its own columns and reads back as one line; replies are filed on the quote or order
// of the message they answer, else of our last message to them; "Accept" / "Decline" quick replies
// act on the quote once, however often the webhook repeats; an odd message never blocks the rest.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { describeInbound, toInboundView } from "@/lib/messages/inbound-view";
import { answerQuote } from "@/lib/quotes/commands";
import { makeAdmin, makeCustomer, makeOrder, makeQuote } from "@/test/factories";
import { drainWebhooks, messagesEnvelope } from "@/test/webhook-requests";

let sequence = 0;
const nextPhone = () => `2782555${String(++sequence).padStart(4, "0")}`;
const nextWamid = (label: string) => `wamid.${label}-${++sequence}`;

async function post(payload: unknown) {
  const now = new Date(Date.now() - 1);
  await db.webhookDelivery.create({ data: { source: "whatsapp", body: JSON.stringify(payload), receivedAt: now, nextAttemptAt: now } });
}

/** One inbound message from `from`, posted as its own delivery and applied. */
async function receive(from: string, message: Record<string, unknown>, wamid = nextWamid("IN")) {
  await post(messagesEnvelope({ contacts: [{ profile: { name: "Ann" }, wa_id: from }], messages: [{ from, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), ...message }] }));
  await drainWebhooks();
  return db.message.findUniqueOrThrow({ where: { providerMessageId: wamid } });
}

/** Our message to the customer, as the dispatcher leaves it once Meta took it. */
async function outbound(customerId: string, about: { quoteId?: string; orderId?: string }, createdAt = new Date()) {
  const wamid = nextWamid("OUT");
  await db.message.create({
    data: { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "template", status: "delivered", statusRank: 4, customerId, ...about, providerMessageId: wamid, createdAt },
  });
  return wamid;
}

describe("every inbound type", () => {
  it.each([
    ["text", { type: "text", text: { body: "Yes please" } }, { kind: "text", body: "Yes please" }, "Yes please"],
    ["a list reply", { type: "interactive", interactive: { type: "list_reply", list_reply: { id: "roses", title: "Roses" } } }, { kind: "list_reply", body: "Roses", replyId: "roses" }, "Picked “Roses” from the list"],
    ["a button reply", { type: "interactive", interactive: { type: "button_reply", button_reply: { id: "am", title: "Morning" } } }, { kind: "button_reply", body: "Morning", replyId: "am" }, "Chose “Morning”"],
    ["a template button", { type: "button", button: { text: "Call me", payload: "CALL" } }, { kind: "button", body: "Call me", replyId: "CALL", replyOutcome: null }, "Tapped “Call me”"],
    [
      "an image",
      { type: "image", image: { id: "media-1", mime_type: "image/jpeg", sha256: "c2hh", caption: "Like this one" } },
      { kind: "image", body: "Like this one", mediaId: "media-1", mediaMimeType: "image/jpeg", mediaSha256: "c2hh" },
      "Photo: Like this one",
    ],
    [
      "a document",
      { type: "document", document: { id: "media-2", mime_type: "application/pdf", filename: "brief.pdf" } },
      { kind: "document", body: null, mediaId: "media-2", mediaFilename: "brief.pdf" },
      "Document brief.pdf",
    ],
    ["audio", { type: "audio", audio: { id: "media-3", mime_type: "audio/ogg", voice: true } }, { kind: "audio", mediaId: "media-3" }, "Audio"],
    ["a video", { type: "video", video: { id: "media-4", mime_type: "video/mp4" } }, { kind: "video", mediaId: "media-4" }, "Video"],
    ["a sticker", { type: "sticker", sticker: { id: "media-5", mime_type: "image/webp" } }, { kind: "sticker", mediaId: "media-5" }, "Sticker"],
    [
      "a location",
      { type: "location", location: { latitude: -26.2041, longitude: 28.0473, name: "The office", address: "1 Main Rd" } },
      { kind: "location", locationLatitude: -26.2041, locationLongitude: 28.0473, locationName: "The office", locationAddress: "1 Main Rd" },
      "Location: The office, 1 Main Rd (-26.2041, 28.0473)",
    ],
    [
      "contacts",
      { type: "contacts", contacts: [{ name: { formatted_name: "Bea Ndlovu" }, phones: [{ phone: "+27 82 000 1111", wa_id: "27820001111" }] }] },
      { kind: "contacts" },
      "Shared a contact: Bea Ndlovu +27 82 000 1111",
    ],
    [
      "Meta's unsupported",
      { type: "unsupported", errors: [{ code: 131051, title: "Message type unknown", error_data: { details: "Message type is currently not supported." } }] },
      { kind: "unsupported", errorCode: "131051", errorDetail: "Message type is currently not supported." },
      "A message WhatsApp cannot show here: Message type is currently not supported.",
    ],
    ["a type nobody knows", { type: "poll_vote", poll_vote: {} }, { kind: "unsupported", errorTitle: "A poll_vote message" }, /^A message WhatsApp cannot show here: WhatsApp message type "poll_vote"/],
  ])("stores %s in its own columns and shows it as one line", async (_label, message, columns, line) => {
    const stored = await receive(nextPhone(), message);
    expect(stored).toMatchObject({ direction: "inbound", status: "received", origin: "customer", ...columns });
    const text = describeInbound(toInboundView(stored));
    if (typeof line === "string") expect(text).toBe(line);
    else expect(text).toMatch(line);
  });

  it("keeps a reaction's emoji and the message it is on", async () => {
    const customer = await makeCustomer({ phone: nextPhone() });
    const quote = await makeQuote({ customerId: customer.id });
    const ours = await outbound(customer.id, { quoteId: quote.id });
    const reaction = await receive(customer.phone!, { type: "reaction", reaction: { message_id: ours, emoji: "❤️" } });
    expect(reaction).toMatchObject({ kind: "reaction", body: "❤️", contextWamid: ours, quoteId: quote.id });
    expect(describeInbound(toInboundView(reaction))).toBe("Reacted ❤️");
    const undone = await receive(customer.phone!, { type: "reaction", reaction: { message_id: ours, emoji: "" } });
    expect(describeInbound(toInboundView(undone))).toBe("Took a reaction back");
  });

  it("stores contacts as JSON the view reads back", async () => {
    const stored = await receive(nextPhone(), { type: "contacts", contacts: [{ name: { first_name: "Cy" }, emails: [{ email: "cy@example.com" }] }] });
    expect(JSON.parse(stored.contactsJson!)).toEqual([{ name: "Cy", phones: [], emails: ["cy@example.com"] }]);
  });
});

describe("filing a reply", () => {
  it("goes on the quote of the message it answers, even when that is an older quote", async () => {
    const customer = await makeCustomer({ phone: nextPhone() });
    const older = await makeQuote({ customerId: customer.id, createdAt: new Date(Date.now() - 86_400_000) });
    const newer = await makeQuote({ customerId: customer.id });
    const toOlder = await outbound(customer.id, { quoteId: older.id }, new Date(Date.now() - 60_000));
    await outbound(customer.id, { quoteId: newer.id });
    const reply = await receive(customer.phone!, { type: "text", text: { body: "About the first one" }, context: { from: "15550000000", id: toOlder } });
    expect(reply).toMatchObject({ quoteId: older.id, contextWamid: toOlder });
  });

  it("goes on the order of the order message it answers", async () => {
    const order = await makeOrder({ phone: nextPhone() });
    const customer = await db.customer.findUniqueOrThrow({ where: { id: order.customerId } });
    const ours = await outbound(customer.id, { quoteId: order.quoteId, orderId: order.id });
    const reply = await receive(customer.phone!, { type: "text", text: { body: "When?" }, context: { id: ours } });
    expect(reply).toMatchObject({ orderId: order.id, quoteId: order.quoteId });
  });

  it("without a context, goes where our last message to them was about, not on their newest quote", async () => {
    const customer = await makeCustomer({ phone: nextPhone() });
    const older = await makeQuote({ customerId: customer.id, createdAt: new Date(Date.now() - 86_400_000) });
    await makeQuote({ customerId: customer.id });
    await outbound(customer.id, { quoteId: older.id });
    const reply = await receive(customer.phone!, { type: "text", text: { body: "Any news?" } });
    expect(reply).toMatchObject({ quoteId: older.id, orderId: null });
  });

  it("with nothing to go on, goes on the customer only", async () => {
    const customer = await makeCustomer({ phone: nextPhone() });
    await makeQuote({ customerId: customer.id });
    const reply = await receive(customer.phone!, { type: "text", text: { body: "Hello" } });
    expect(reply).toMatchObject({ customerId: customer.id, quoteId: null, orderId: null });
  });

  it("ignores our messages that never reached them", async () => {
    const customer = await makeCustomer({ phone: nextPhone() });
    const reached = await makeQuote({ customerId: customer.id });
    const failed = await makeQuote({ customerId: customer.id });
    await outbound(customer.id, { quoteId: reached.id }, new Date(Date.now() - 60_000));
    await db.message.create({ data: { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "text", status: "failed", statusRank: 3, customerId: customer.id, quoteId: failed.id } });
    expect(await receive(customer.phone!, { type: "text", text: { body: "?" } })).toMatchObject({ quoteId: reached.id });
  });
});

describe("a template's Accept / Decline quick reply", () => {
  async function answeredQuote() {
    const admin = await makeAdmin();
    const customer = await makeCustomer({ phone: nextPhone() });
    const quote = await makeQuote({ customerId: customer.id });
    await answerQuote({ quoteId: quote.id, amountCents: 45_000, message: "A hamper", actorId: admin.id });
    const template = await outbound(customer.id, { quoteId: quote.id });
    return { customer, quote, template };
  }
  const tap = (text: string, template: string) => ({ type: "button", button: { text, payload: text }, context: { from: "15550000000", id: template } });

  it("Accept accepts the quote like the link does (order, confirmation), once, whatever the repeats", async () => {
    const { customer, quote, template } = await answeredQuote();
    const wamid = nextWamid("TAP");
    const message = await receive(customer.phone!, tap("Accept", template), wamid);
    // Meta delivers at least once: the same message again, in a later delivery.
    await receive(customer.phone!, tap("Accept", template), wamid);
    expect(message).toMatchObject({ kind: "button", quoteId: quote.id, replyOutcome: "Accepted the quote; the order was made." });
    expect(await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).toMatchObject({ status: "accepted" });
    expect(await db.order.count({ where: { quoteId: quote.id } })).toBe(1);
    expect(await db.message.count({ where: { quoteId: quote.id, event: "quote.accepted" } })).toBe(1);
    expect(await db.message.count({ where: { providerMessageId: wamid } })).toBe(1);
    const event = await db.quoteStatusEvent.findFirstOrThrow({ where: { quoteId: quote.id, toStatus: "accepted" } });
    expect(event).toMatchObject({ actorId: null, note: 'Accepted by the customer on WhatsApp (tapped "Accept").' });

    // A second tap (a new message) changes nothing and says why.
    const again = await receive(customer.phone!, tap("Accept", template));
    expect(again.replyOutcome).toBe("Nothing changed: the quote was already accepted.");
    expect(describeInbound(toInboundView(again))).toBe("Tapped “Accept” (Nothing changed: the quote was already accepted.)");
    expect(await db.order.count({ where: { quoteId: quote.id } })).toBe(1);
  });

  it("Decline declines the quote, with a timeline entry saying it came by WhatsApp", async () => {
    const { customer, quote, template } = await answeredQuote();
    const message = await receive(customer.phone!, tap("Decline", template));
    expect(message.replyOutcome).toBe("Declined the quote.");
    expect(await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).toMatchObject({ status: "declined" });
    expect(await db.message.count({ where: { quoteId: quote.id, event: "quote.declined" } })).toBe(1);
    expect(await db.quoteStatusEvent.findFirstOrThrow({ where: { quoteId: quote.id, toStatus: "declined" } })).toMatchObject({ note: 'Declined by the customer on WhatsApp (tapped "Decline").' });
  });

  it("does not act after the offer ended, nor without knowing which quote it answers", async () => {
    const { customer, quote, template } = await answeredQuote();
    const noContext = await receive(customer.phone!, { type: "button", button: { text: "Accept", payload: "Accept" } });
    expect(noContext.replyOutcome).toBe("Nothing changed: WhatsApp did not say which quote this answers.");
    await db.quote.update({ where: { id: quote.id }, data: { validUntil: new Date(Date.now() - 1_000) } });
    const late = await receive(customer.phone!, tap("Accept", template));
    expect(late.replyOutcome).toBe("Nothing changed: the quote's offer had ended.");
    expect(await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).toMatchObject({ status: "quoted" });
  });
});

describe("odd and malformed inbound payloads", () => {
  it("are stored as unsupported or set aside, and never hold up the deliveries behind them", async () => {
    const phone = nextPhone();
    const at = String(Math.floor(Date.now() / 1000));
    const odd = [
      { from: phone, id: nextWamid("ODD"), timestamp: at, type: "image", image: { caption: "no id" } },
      { from: phone, id: nextWamid("ODD"), timestamp: at, type: "location", location: { latitude: "north" } },
      { from: phone, id: nextWamid("ODD"), timestamp: at, type: "contacts", contacts: "everyone" },
      { from: phone, id: nextWamid("ODD"), timestamp: at, type: "interactive", interactive: { type: "nfm_reply" } },
    ];
    await post(messagesEnvelope({ messages: odd }));
    // Not even a message: the delivery is malformed, stored, and set aside.
    await post(messagesEnvelope({ messages: [{ id: 42 }] }));
    const after = nextWamid("AFTER");
    await post(messagesEnvelope({ messages: [{ from: phone, id: after, timestamp: at, type: "text", text: { body: "still here" } }] }));
    await drainWebhooks();
    const stored = await db.message.findMany({ where: { providerMessageId: { in: odd.map((message) => message.id) } } });
    expect(stored.map((message) => message.kind)).toEqual(["unsupported", "unsupported", "unsupported", "unsupported"]);
    expect(await db.message.findUniqueOrThrow({ where: { providerMessageId: after } })).toMatchObject({ body: "still here" });
    expect(await db.webhookDelivery.count({ where: { processedAt: null, parkedAt: null } })).toBe(0);
  });
});
