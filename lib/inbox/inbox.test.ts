// The inbox on a real database (SQLite, then PostgreSQL in the second run): conversations by last
// activity, unread and waiting counts, the thread, reading it (with the read receipt to a Graph
// API stand-in over real HTTP), and the thread's reply queued through the outbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { startReceiver } from "@/test/http-receiver";

type TModules = {
  db: typeof import("@/lib/db").db;
  queries: typeof import("@/lib/inbox/queries");
  markThreadSeen: typeof import("@/lib/inbox/commands").markThreadSeen;
  toThreadView: typeof import("@/lib/inbox/view").toThreadView;
  queueWhatsAppForCustomer: typeof import("@/lib/outbox/manual-send").queueWhatsAppForCustomer;
  factories: typeof import("@/test/factories");
};

let m: TModules;
let graph: Awaited<ReturnType<typeof startReceiver>>;
/** What the Graph API stand-in was asked, and whether it refuses (as Meta does with a bad token). */
const graphCalls: { path: string; body: unknown }[] = [];
let graphRefuses = false;
let adminId: string;

beforeAll(async () => {
  graph = await startReceiver(async (request) => {
    graphCalls.push({ path: new URL(request.url).pathname, body: await request.json() });
    if (graphRefuses) return Response.json({ error: { message: "Error validating access token", type: "OAuthException", code: 190, fbtrace_id: "T" } }, { status: 401 });
    return Response.json({ success: true });
  });
  // The app's WhatsApp config is read once, at import, so the address is set before any import.
  process.env.WHATSAPP_API_BASE_URL = graph.url;
  m = {
    db: (await import("@/lib/db")).db,
    queries: await import("@/lib/inbox/queries"),
    markThreadSeen: (await import("@/lib/inbox/commands")).markThreadSeen,
    toThreadView: (await import("@/lib/inbox/view")).toThreadView,
    queueWhatsAppForCustomer: (await import("@/lib/outbox/manual-send")).queueWhatsAppForCustomer,
    factories: await import("@/test/factories"),
  };
  adminId = (await m.factories.makeAdmin()).id;
});

afterAll(() => graph?.close());

beforeEach(async () => {
  // Each test starts with an empty inbox: no messages, no customer who wrote.
  await m.db.message.deleteMany();
  await m.db.customer.updateMany({ data: { lastInboundWhatsAppAt: null, inboxSeenAt: null } });
  graphCalls.length = 0;
  graphRefuses = false;
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** The first page of a tab of the inbox. */
const conversations = async (filter: "all" | "unread" | "waiting" = "all") => (await m.queries.listConversations({ filter })).conversations;

/** Reading the thread as it stands: it shows the customer's messages up to `upTo`. */
async function readThread(customerId: string, upTo: { id: string; createdAt: Date }) {
  const shown = await m.db.message.findMany({ where: { customerId, direction: "inbound", createdAt: { lte: upTo.createdAt } }, select: { id: true } });
  return m.markThreadSeen({ customerId, upToMessageId: upTo.id, shownIds: shown.map((message) => message.id) });
}

let wamids = 0;
/** A customer's message as intake stores it: the message, and the customer's latest inbound time moved up to it. */
async function inbound(customerId: string, body: string, createdAt: Date, extra: { quoteId?: string; kind?: string } = {}) {
  await m.db.customer.updateMany({ where: { id: customerId, OR: [{ lastInboundWhatsAppAt: null }, { lastInboundWhatsAppAt: { lt: createdAt } }] }, data: { lastInboundWhatsAppAt: createdAt } });
  return m.db.message.create({
    data: {
      channel: "whatsapp",
      direction: "inbound",
      origin: "customer",
      kind: extra.kind ?? "text",
      body,
      customerId,
      quoteId: extra.quoteId ?? null,
      status: "received",
      providerMessageId: `wamid.in${++wamids}`,
      createdAt,
    },
  });
}

function outbound(customerId: string, body: string, createdAt: Date, extra: { origin?: string; status?: string; channel?: string; orderId?: string } = {}) {
  return m.db.message.create({
    data: {
      channel: extra.channel ?? "whatsapp",
      direction: "outbound",
      origin: extra.origin ?? "admin",
      kind: "text",
      body,
      customerId,
      orderId: extra.orderId ?? null,
      status: extra.status ?? "delivered",
      createdAt,
    },
  });
}

describe("listConversations", () => {
  it("lists one conversation per customer with WhatsApp messages, newest activity first, previewing the newest message", async () => {
    const ann = await m.factories.makeCustomer({ name: "Ann Mokoena" });
    const ben = await m.factories.makeCustomer({ name: "Ben Dlamini" });
    const emailOnly = await m.factories.makeCustomer({ name: "Cara Email" });
    await inbound(ann.id, "Hello, is the hamper ready?", minutesAgo(30));
    await outbound(ann.id, "Yes, tomorrow!", minutesAgo(20));
    await inbound(ben.id, "Thanks", minutesAgo(25));
    await outbound(emailOnly.id, "Your quote", minutesAgo(1), { channel: "email" });

    const rows = await conversations();
    expect(rows.map((row) => row.name)).toEqual(["Ann Mokoena", "Ben Dlamini"]);
    expect(rows[0]).toMatchObject({ customerId: ann.id, phone: ann.phone, last: { direction: "outbound", body: "Yes, tomorrow!" } });
    expect(rows[1]!.last).toMatchObject({ direction: "inbound", body: "Thanks" });

    // A new message moves its conversation to the top.
    await inbound(ben.id, "One more thing", minutesAgo(0));
    expect((await conversations()).map((row) => row.name)).toEqual(["Ben Dlamini", "Ann Mokoena"]);
  });

  it("counts unread inbound messages since the thread was last read, and waits for an admin's answer", async () => {
    const customer = await m.factories.makeCustomer();
    await inbound(customer.id, "First", minutesAgo(10));
    const second = await inbound(customer.id, "Second", minutesAgo(9));
    const find = async () => (await conversations()).find((row) => row.customerId === customer.id)!;
    expect(await find()).toMatchObject({ unread: 2, waiting: true });

    await readThread(customer.id, second);
    expect(await find()).toMatchObject({ unread: 0, waiting: true });

    // An automatic message and a failed answer are no answer; an admin's reply on its way is.
    await outbound(customer.id, "Your order is ready", minutesAgo(8), { origin: "system:order.ready" });
    await outbound(customer.id, "Sorry, failed", minutesAgo(7), { status: "failed" });
    expect((await find()).waiting).toBe(true);
    await outbound(customer.id, "On it!", minutesAgo(6), { status: "queued" });
    expect((await find()).waiting).toBe(false);

    await inbound(customer.id, "Third", minutesAgo(5));
    expect(await find()).toMatchObject({ unread: 1, waiting: true, last: { body: "Third" } });
  });

  it("filters to unread and to waiting conversations, and counts them for the navigation", async () => {
    const unreadWaiting = await m.factories.makeCustomer({ name: "Unread Waiting" });
    const readWaiting = await m.factories.makeCustomer({ name: "Read Waiting" });
    const answered = await m.factories.makeCustomer({ name: "Answered" });
    await inbound(unreadWaiting.id, "Hi", minutesAgo(3));
    const seen = await inbound(readWaiting.id, "Hi", minutesAgo(4));
    await readThread(readWaiting.id, seen);
    const asked = await inbound(answered.id, "Hi", minutesAgo(6));
    await readThread(answered.id, asked);
    await outbound(answered.id, "Hello!", minutesAgo(5));

    const names = async (filter: "all" | "unread" | "waiting") => (await conversations(filter)).map((row) => row.name);
    expect(await names("all")).toEqual(["Unread Waiting", "Read Waiting", "Answered"]);
    expect(await names("unread")).toEqual(["Unread Waiting"]);
    expect(await names("waiting")).toEqual(["Unread Waiting", "Read Waiting"]);
    expect(await m.queries.inboxCounts()).toEqual({ unread: 1, waiting: 2 });
  });

  it("previews what the customer sent in words, and the thread links to its file", async () => {
    const { toConversationView } = await import("@/lib/inbox/view");
    const customer = await m.factories.makeCustomer({ name: "Photo Sender" });
    await m.db.customer.update({ where: { id: customer.id }, data: { lastInboundWhatsAppAt: new Date() } });
    const photo = await m.db.message.create({
      data: {
        channel: "whatsapp",
        direction: "inbound",
        origin: "customer",
        kind: "image",
        body: "The card",
        mediaId: "media.1",
        mediaFilename: "card.jpg",
        customerId: customer.id,
        status: "received",
        providerMessageId: `wamid.in${++wamids}`,
      },
    });
    const [row] = await conversations();
    expect(toConversationView(row!)).toMatchObject({ name: "Photo Sender", preview: "Photo card.jpg: The card", unread: 1, waiting: true, fromUs: false });
    const [message] = m.toThreadView((await m.queries.getThread(customer.id))!).messages;
    expect(message!.inbound).toMatchObject({ summary: "Photo card.jpg: The card", view: { media: { downloadPath: `/api/admin/media/${photo.id}` } } });
  });

  it("counts nothing in an empty inbox", async () => {
    expect(await conversations()).toEqual([]);
    expect(await m.queries.inboxCounts()).toEqual({ unread: 0, waiting: 0 });
  });
});

describe("getThread", () => {
  it("shows both directions oldest first, WhatsApp only, with the quote and order each message is about", async () => {
    const order = await m.factories.makeOrder();
    const customerId = order.customerId;
    const quote = await m.db.quote.findUniqueOrThrow({ where: { id: order.quoteId } });
    await inbound(customerId, "About my quote", minutesAgo(10), { quoteId: quote.id });
    await outbound(customerId, "Your order is on its way", minutesAgo(5), { orderId: order.id, origin: "system:order.out_for_delivery" });
    await outbound(customerId, "By email", minutesAgo(4), { channel: "email" });
    await outbound(customerId, "Not delivered", minutesAgo(3), { status: "failed" });
    await m.db.message.updateMany({ where: { body: "Not delivered" }, data: { errorTitle: "Message undeliverable", errorDetail: "Use email instead." } });

    const thread = (await m.queries.getThread(customerId))!;
    const view = m.toThreadView(thread);
    expect(view.messages.map((message) => [message.direction, message.body])).toEqual([
      ["inbound", "About my quote"],
      ["outbound", "Your order is on its way"],
      ["outbound", "Not delivered"],
    ]);
    expect(view.messages[0]!.about).toEqual([{ href: `/admin/quotes/${quote.id}`, label: quote.number }]);
    expect(view.messages[1]!.about).toEqual([{ href: `/admin/orders/${order.id}`, label: order.number }]);
    expect(view.messages[2]!.failure).toBe("Message undeliverable: Use email instead.");
    expect(view).toMatchObject({ unread: 1, newestInboundId: thread.messages[0]!.id });
    expect(await m.queries.getThread("no-such-customer")).toBeNull();
  });

  it("says whether free text is allowed and for how long, or why the admin cannot write", async () => {
    const open = await m.factories.makeCustomer();
    await m.db.customer.update({ where: { id: open.id }, data: { lastInboundWhatsAppAt: minutesAgo(60) } });
    expect(m.toThreadView((await m.queries.getThread(open.id))!).reply).toEqual({
      ok: true,
      windowOpen: true,
      windowText: expect.stringMatching(/free text is allowed for 2[23] h \d+ min more/),
    });
    const closed = await m.factories.makeCustomer();
    expect(m.toThreadView((await m.queries.getThread(closed.id))!).reply).toMatchObject({ ok: true, windowOpen: false });
    const optedOut = await m.factories.makeCustomer({ whatsappOptedOutAt: new Date() });
    expect(m.toThreadView((await m.queries.getThread(optedOut.id))!).reply).toEqual({ ok: false, reason: expect.stringMatching(/opted out|asked not to be messaged/) });
  });
});

describe("markThreadSeen", () => {
  it("reads the thread up to the message shown, tells Meta once, and never moves back", async () => {
    const customer = await m.factories.makeCustomer();
    const older = await inbound(customer.id, "One", minutesAgo(5));
    const newer = await inbound(customer.id, "Two", minutesAgo(4));

    expect(await readThread(customer.id, newer)).toEqual({ advanced: true, readReceipt: "sent" });
    expect(graphCalls).toEqual([
      { path: expect.stringMatching(/\/v\d+\.\d+\/[^/]+\/messages$/), body: { messaging_product: "whatsapp", status: "read", message_id: newer.providerMessageId } },
    ]);
    // Again, or from an older tab: nothing changes and Meta is not asked again.
    expect(await readThread(customer.id, newer)).toEqual({ advanced: false, readReceipt: "already_sent" });
    expect(graphCalls).toHaveLength(1);
    // An older tab does not move the thread back (its receipt is for that older message).
    expect((await readThread(customer.id, older)).advanced).toBe(false);
    expect((await m.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).inboxSeenAt).toEqual(newer.createdAt);
  });

  it("keeps our read state when Meta refuses the receipt, and tries again on the next opening", async () => {
    const customer = await m.factories.makeCustomer();
    const message = await inbound(customer.id, "Hi", minutesAgo(1));
    graphRefuses = true;
    expect(await readThread(customer.id, message)).toEqual({ advanced: true, readReceipt: "refused" });
    expect((await conversations()).find((row) => row.customerId === customer.id)?.unread).toBe(0);
    graphRefuses = false;
    expect(await readThread(customer.id, message)).toEqual({ advanced: false, readReceipt: "sent" });
    expect(graphCalls).toHaveLength(2);
  });

  it("refuses a message that is not this customer's inbound message", async () => {
    const customer = await m.factories.makeCustomer();
    const other = await m.factories.makeCustomer();
    const theirs = await inbound(other.id, "Hi", minutesAgo(1));
    const ours = await outbound(customer.id, "Hello", minutesAgo(1));
    await expect(readThread(customer.id, theirs)).rejects.toThrow(/not in the customer's conversation/);
    await expect(readThread(customer.id, ours)).rejects.toThrow(/not in the customer's conversation/);
    expect(graphCalls).toHaveLength(0);
  });
});

describe("queueWhatsAppForCustomer", () => {
  const text = (customerId: string, body = "Hi Ann", extra: { quoteId?: string } = {}) => ({ kind: "text" as const, customerId, idempotencyKey: randomUUID(), body, ...extra });

  async function customerInWindow(overrides: Parameters<TModules["factories"]["makeCustomer"]>[0] = {}) {
    const customer = await m.factories.makeCustomer(overrides);
    return m.db.customer.update({ where: { id: customer.id }, data: { lastInboundWhatsAppAt: minutesAgo(5) } });
  }

  it("queues free text inside the window to the customer's own number, about no record, once per key", async () => {
    const customer = await customerInWindow();
    const input = text(customer.id);
    const { messageId } = await m.queueWhatsAppForCustomer(input, adminId);
    expect(await m.queueWhatsAppForCustomer(input, adminId)).toEqual({ messageId });
    const message = await m.db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(message).toMatchObject({ status: "queued", channel: "whatsapp", origin: "admin", sentById: adminId, customerId: customer.id, quoteId: null, recipient: customer.phone, body: "Hi Ann" });
    expect(await m.db.message.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("refuses free text outside the window, and any message to a customer who opted out or has no number", async () => {
    const closed = await m.factories.makeCustomer();
    await expect(m.queueWhatsAppForCustomer(text(closed.id), adminId)).rejects.toThrow(/only allows an approved template/);
    const optedOut = await customerInWindow({ whatsappOptedOutAt: new Date() });
    await expect(m.queueWhatsAppForCustomer(text(optedOut.id), adminId)).rejects.toThrow(/opted out|asked not to be messaged/);
    const noPhone = await m.factories.makeCustomer({ phone: null });
    await expect(m.queueWhatsAppForCustomer(text(noPhone.id), adminId)).rejects.toThrow(/no WhatsApp number/);
    expect(await m.db.message.count()).toBe(0);
  });

  it("queues a template outside the window, but never an accept link without its quote", async () => {
    const customer = await m.factories.makeCustomer();
    const template = { kind: "template" as const, customerId: customer.id, idempotencyKey: randomUUID(), templateName: "order_update", language: "en", parameters: ["Ann"] };
    const { messageId } = await m.queueWhatsAppForCustomer(template, adminId);
    expect(await m.db.message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ kind: "template", templateName: "order_update", templateParams: '["Ann"]', status: "queued" });
    await expect(m.queueWhatsAppForCustomer({ ...template, idempotencyKey: randomUUID(), buttonParameter: `q/${"A".repeat(32)}` }, adminId)).rejects.toThrow(/choose the quote/);
  });

  it("is about a quote asked from the customer's own number, and refuses a quote asked from another", async () => {
    const customer = await customerInWindow();
    const own = await m.factories.makeQuote({ customerId: customer.id });
    const { messageId } = await m.queueWhatsAppForCustomer(text(customer.id, "About your quote", { quoteId: own.id }), adminId);
    expect(await m.db.message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ quoteId: own.id, recipient: customer.phone });

    const elsewhere = await m.factories.makeQuote({ customerId: customer.id });
    await m.db.quote.update({ where: { id: elsewhere.id }, data: { contactPhone: "27829990000" } });
    await expect(m.queueWhatsAppForCustomer(text(customer.id, "Hi", { quoteId: elsewhere.id }), adminId)).rejects.toThrow(/asked from another number/);
    const strangers = await m.factories.makeQuote();
    await expect(m.queueWhatsAppForCustomer(text(customer.id, "Hi", { quoteId: strangers.id }), adminId)).rejects.toThrow(/not this customer's/);
  });
});

describe("paging the conversations", () => {
  const at = new Date(Date.now() - 60 * 60_000);
  const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);
  const names = (page: { conversations: { name: string }[] }) => page.conversations.map((row) => row.name);

  it("pages by last activity with a cursor, ties broken by the customer, and stays put when a conversation moves to the top", async () => {
    const { parseInboxListParams } = await import("@/lib/inbox/schema");
    const { toConversationListView } = await import("@/lib/inbox/view");
    const people = [];
    for (const name of ["P1", "P2", "P3", "P4", "P5"]) people.push(await m.factories.makeCustomer({ name }));
    const [p1, p2, p3, p4, p5] = people as [(typeof people)[number], (typeof people)[number], (typeof people)[number], (typeof people)[number], (typeof people)[number]];
    await inbound(p1.id, "1", later(1));
    await inbound(p2.id, "2", later(2));
    // P3 and P4 wrote in the same second: the page boundary falls between them.
    await inbound(p3.id, "3", later(3));
    await inbound(p4.id, "4", later(3));
    await inbound(p5.id, "5", later(5));
    const [tiedFirst, tiedSecond] = [p3, p4].sort((a, b) => (a.id < b.id ? 1 : -1)).map((person) => person.name);

    const first = await m.queries.listConversations({ filter: "all" }, 2);
    expect(names(first)).toEqual(["P5", tiedFirst]);
    expect(first.newer).toBeNull();

    // The link to the older page carries its cursor through the URL.
    const view = toConversationListView(first, { unread: 0, waiting: 0 }, { filter: "all" });
    expect(view.pages).toMatchObject({ newer: null, newest: null, older: expect.stringMatching(/^\/admin\/inbox\?before=/) });
    const olderParams = parseInboxListParams(new URLSearchParams(view.pages.older!.split("?")[1]));
    expect(olderParams.before).toEqual(first.older);

    // P2 writes while the admin pages on: page 2 neither repeats nor skips anyone.
    await inbound(p2.id, "again", later(10));
    const second = await m.queries.listConversations(olderParams, 2);
    expect(names(second)).toEqual([tiedSecond, "P1"]);
    expect(second.older).toBeNull();
    expect(second.newer).toEqual({ at: later(3), id: people.find((person) => person.name === tiedSecond)!.id });

    // Back up: the two just newer than page 2, then the newest page, whole.
    const back = await m.queries.listConversations({ filter: "all", after: second.newer! }, 2);
    expect(names(back)).toEqual(["P5", tiedFirst]);
    const top = await m.queries.listConversations({ filter: "all", after: back.newer! }, 2);
    expect(names(top)).toEqual(["P2", "P5"]);
    expect(top.newer).toBeNull();
    expect(toConversationListView(top, { unread: 0, waiting: 0 }, { filter: "all", after: back.newer! }).pages.newest).toBeNull();
  });

  it("keeps the tab while paging, and says nothing is older past the end", async () => {
    const { parseInboxListParams } = await import("@/lib/inbox/schema");
    const { toConversationListView } = await import("@/lib/inbox/view");
    const waiting = [];
    for (const [index, name] of ["W1", "W2", "W3"].entries()) {
      const customer = await m.factories.makeCustomer({ name });
      await inbound(customer.id, "?", later(index));
      waiting.push(customer);
    }
    const answered = await m.factories.makeCustomer({ name: "Answered" });
    await inbound(answered.id, "?", later(1.5));
    await outbound(answered.id, "!", later(1.6));

    const first = await m.queries.listConversations({ filter: "waiting" }, 2);
    expect(names(first)).toEqual(["W3", "W2"]);
    const view = toConversationListView(first, { unread: 0, waiting: 3 }, { filter: "waiting" });
    expect(view.pages.older).toMatch(/^\/admin\/inbox\?filter=waiting&before=/);
    const params = parseInboxListParams(new URLSearchParams(view.pages.older!.split("?")[1]));
    expect(params.filter).toBe("waiting");
    const second = await m.queries.listConversations(params, 2);
    expect(names(second)).toEqual(["W1"]);

    // W1 is answered meanwhile: the page is empty, and links to the newest page of the tab.
    await outbound(waiting[0]!.id, "Sorted", later(20));
    const empty = toConversationListView(await m.queries.listConversations(params, 2), { unread: 0, waiting: 2 }, params);
    expect(empty).toMatchObject({ conversations: [], pages: { older: null, newest: "/admin/inbox?filter=waiting" } });
  });

  it("reads an unreadable cursor as the newest page", async () => {
    const { parseInboxListParams } = await import("@/lib/inbox/schema");
    expect(parseInboxListParams({ before: "yesterday", after: ["x_y"], filter: ["unread", "all"] })).toEqual({ filter: "unread", before: undefined, after: undefined });
    expect(parseInboxListParams({ before: "2026-01-01T10:00:00.000Z_abc" }).before).toEqual({ at: new Date("2026-01-01T10:00:00.000Z"), id: "abc" });
  });
});

describe("waiting for us", () => {
  const find = async (customerId: string) => (await conversations()).find((row) => row.customerId === customerId)!;

  it("is cleared by an email to the customer after their last message, not by one that failed or came before it", async () => {
    const customer = await m.factories.makeCustomer();
    await outbound(customer.id, "Your quote (earlier)", minutesAgo(20), { channel: "email" });
    await inbound(customer.id, "Did you get my message?", minutesAgo(10));
    await outbound(customer.id, "Bounced", minutesAgo(9), { channel: "email", status: "failed", origin: "system:quote.answered" });
    expect((await find(customer.id)).waiting).toBe(true);
    expect(await m.queries.inboxCounts()).toMatchObject({ waiting: 1 });

    await outbound(customer.id, "Your quote", minutesAgo(8), { channel: "email", status: "sent", origin: "system:quote.answered" });
    expect((await find(customer.id)).waiting).toBe(false);
    expect(await conversations("waiting")).toEqual([]);
    expect(await m.queries.inboxCounts()).toMatchObject({ waiting: 0 });
  });

  it("is not left by a STOP or START that was answered with its confirmation; a question after it waits again", async () => {
    const { applyWhatsAppKeyword } = await import("@/lib/customers/opt-out");
    const customer = await m.factories.makeCustomer({ whatsappConsentAt: minutesAgo(60) });
    const keyword = async (text: string, sentAt: Date) => {
      const message = await inbound(customer.id, text, sentAt);
      // Intake answers a moment after the customer sent it.
      const answeredAt = new Date(sentAt.getTime() + 1000);
      return m.db.$transaction((tx) => applyWhatsAppKeyword(tx, { customerId: customer.id, text, wamid: message.providerMessageId!, at: sentAt }, answeredAt));
    };

    expect(await keyword("STOP", minutesAgo(10))).toMatchObject({ keyword: "opt_out", changed: true, confirmationId: expect.any(String) });
    expect((await find(customer.id)).waiting).toBe(false);
    expect(await m.queries.inboxCounts()).toMatchObject({ waiting: 0 });

    expect(await keyword("START", minutesAgo(5))).toMatchObject({ keyword: "opt_in", changed: true });
    expect((await find(customer.id)).waiting).toBe(false);

    await inbound(customer.id, "Can I still order the hamper?", minutesAgo(1));
    expect((await find(customer.id)).waiting).toBe(true);
    expect(await m.queries.inboxCounts()).toMatchObject({ waiting: 1 });
  });
});

describe("read marks", () => {
  it("a message in the same second as the one shown, arriving after the thread was drawn, stays unread until a thread shows it", async () => {
    const customer = await m.factories.makeCustomer();
    const second = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    const earlier = await inbound(customer.id, "Hello", minutesAgo(5));
    const shown = await inbound(customer.id, "Is it ready?", second);
    // The thread is drawn with these two; then another message of the same second is stored.
    const thread = m.toThreadView((await m.queries.getThread(customer.id))!);
    const shownIds = thread.messages.filter((message) => message.direction === "inbound").map((message) => message.id);
    expect(shownIds).toEqual([earlier.id, shown.id]);
    const late = await inbound(customer.id, "Also, a card", second);

    await m.markThreadSeen({ customerId: customer.id, upToMessageId: thread.newestInboundId!, shownIds });
    const row = (await conversations()).find((conversation) => conversation.customerId === customer.id)!;
    expect(row.unread).toBeGreaterThanOrEqual(1);
    expect(await m.queries.inboxCounts()).toMatchObject({ unread: 1 });
    expect(m.toThreadView((await m.queries.getThread(customer.id))!).unread).toBeGreaterThanOrEqual(1);

    // The next poll shows it too: now everything is read.
    await m.markThreadSeen({ customerId: customer.id, upToMessageId: late.id, shownIds: [earlier.id, shown.id, late.id] });
    expect((await conversations()).find((conversation) => conversation.customerId === customer.id)!.unread).toBe(0);
    expect(await m.queries.inboxCounts()).toMatchObject({ unread: 0 });
  });
});
