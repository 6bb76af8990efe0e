// A stranger on the public form, typing a known customer's email or phone, must never redirect
// that customer's messages nor change their record. Each case is the one an outside check found,
// run end to end below the browser: the form's command, the outbox dispatcher, the Graph API
// sandbox over HTTP and a real SMTP listener, on a real SQLite file.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOutboxHarness, type TOutboxHarness } from "@/test/outbox-harness";

let h: TOutboxHarness;
let db: typeof import("@/lib/db").db;
let factories: typeof import("@/test/factories");
let submitQuoteRequest: typeof import("@/lib/quotes/create-quote").submitQuoteRequest;
let answerQuote: typeof import("@/lib/quotes/commands").answerQuote;
let changeOrderStatus: typeof import("@/lib/orders/commands").changeOrderStatus;
let EMPTY_QUOTE_REQUEST: typeof import("@/lib/quotes/request-schema").EMPTY_QUOTE_REQUEST;

beforeAll(async () => {
  process.env.QUOTE_ACK_LIMIT = "3";
  h = await startOutboxHarness();
  ({ db } = await import("@/lib/db"));
  factories = await import("@/test/factories");
  ({ submitQuoteRequest } = await import("@/lib/quotes/create-quote"));
  ({ answerQuote } = await import("@/lib/quotes/commands"));
  ({ changeOrderStatus } = await import("@/lib/orders/commands"));
  ({ EMPTY_QUOTE_REQUEST } = await import("@/lib/quotes/request-schema"));
});

afterAll(async () => {
  await h?.close();
});

beforeEach(() => {
  h.sandbox.reset();
  h.smtp.mails.length = 0;
});

let ipCounter = 0;
// Fixtures' quotes are numbered in 1999, out of the way of the numbers the form gives out now.
const STRANGER_PHONE = "27829990001";
const STRANGER_EMAIL = "mallory@example.com";

function strangerRequest(input: Partial<typeof EMPTY_QUOTE_REQUEST>) {
  return submitQuoteRequest(
    { ...EMPTY_QUOTE_REQUEST, name: "Mallory", occasion: "Anything at all", ...input },
    { ip: `10.9.0.${++ipCounter}` },
  );
}

const CUSTOMER_COLUMNS = { name: true, email: true, phone: true, contactPreference: true, whatsappConsentAt: true, whatsappOptedOutAt: true } as const;
const customerRow = (id: string) => db.customer.findUniqueOrThrow({ where: { id }, select: CUSTOMER_COLUMNS });

/** Every address the messages about these records went to (WhatsApp numbers and emails). */
async function recipientsOf(where: { quoteId?: string; orderId?: string }) {
  const rows = await db.message.findMany({ where: { ...where, direction: "outbound" }, select: { id: true, recipient: true, status: true } });
  expect(rows.length).toBeGreaterThan(0);
  return [...new Set(rows.map((row) => row.recipient))];
}

/** Everything the stranger's phones and inbox received. */
function strangerReceived() {
  return [
    ...h.sandbox.sent.filter((sent) => sent.to.startsWith("2782999")).map((sent) => JSON.stringify(sent.body)),
    ...h.smtp.mails.filter((mail) => mail.to.includes(STRANGER_EMAIL)).map((mail) => `${mail.subject}\n${mail.text}`),
  ].join("\n");
}

describe("a stranger typing a known customer's details", () => {
  it("with Alice's email and his own phone: Alice's record is unchanged and her order's next message still reaches her", async () => {
    const order = await factories.makeOrder({ number: "Q-1999-0001", name: "Alice Dlamini", email: "alice@example.com", phone: "27820000101", contactPreference: "whatsapp" });
    const before = await customerRow(order.customerId);

    const { quoteId } = await strangerRequest({ email: "alice@example.com", phone: "082 999 0001", contactPreference: "whatsapp", whatsappConsent: true });
    expect((await db.quote.findUniqueOrThrow({ where: { id: quoteId } })).customerId).toBe(order.customerId);
    expect(await customerRow(order.customerId)).toEqual(before);

    await changeOrderStatus({ orderId: order.id, to: "in_production", expectedStatus: "confirmed", actorId: (await factories.makeAdmin()).id });
    await h.dispatcher.drain();
    expect(await recipientsOf({ orderId: order.id })).toEqual(["27820000101"]);
    expect(strangerReceived()).not.toContain(order.number);
    // His own request is acknowledged where he asked, with his own name, and nothing of Alice's.
    expect(await recipientsOf({ quoteId })).toEqual([STRANGER_PHONE]);
    expect(strangerReceived()).not.toContain("Alice");
  });

  it("with Bob's email: Bob's earlier quote's answer and accept link still go to Bob's inbox", async () => {
    const quote = await factories.makeQuote({ number: "Q-1999-0002", name: "Bob Naidoo", email: "bob@example.com", phone: null, contactPreference: "email" });
    const before = await customerRow(quote.customerId);
    // A phone nobody holds yet: each case starts from customers the stranger has not touched.
    await strangerRequest({ email: "bob@example.com", phone: "082 999 0002", contactPreference: "whatsapp", whatsappConsent: true });
    expect(await customerRow(quote.customerId)).toEqual(before);

    await answerQuote({ quoteId: quote.id, amountCents: 90_000, message: "Here you go", actorId: (await factories.makeAdmin()).id, expectedStatus: "new" });
    await h.dispatcher.drain();
    expect(await recipientsOf({ quoteId: quote.id })).toEqual(["bob@example.com"]);
    const bobsMail = h.smtp.mails.find((mail) => mail.to.includes("bob@example.com") && mail.text.includes("/q/"));
    expect(bobsMail).toBeDefined();
    expect(strangerReceived()).not.toContain("/q/");
    expect(strangerReceived()).not.toContain(quote.number);
  });

  it("with Carol's phone and his own email: Carol's quote still goes to her WhatsApp, and a second request does not rename her", async () => {
    const quote = await factories.makeQuote({ number: "Q-1999-0003", name: "Carol Botha", email: null, phone: "27820000303", contactPreference: "whatsapp" });
    const before = await customerRow(quote.customerId);
    const stranger = await strangerRequest({ name: "Not Carol", email: STRANGER_EMAIL, phone: "082 000 0303", contactPreference: "email" });
    expect(await customerRow(quote.customerId)).toEqual(before);
    expect((await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).contactName).toBe("Carol Botha");

    await answerQuote({ quoteId: quote.id, amountCents: 50_000, message: "For Carol", actorId: (await factories.makeAdmin()).id, expectedStatus: "new" });
    await h.dispatcher.drain();
    expect(await recipientsOf({ quoteId: quote.id })).toEqual(["27820000303"]);
    expect(await recipientsOf({ quoteId: stranger.quoteId })).toEqual([STRANGER_EMAIL]);
    expect(strangerReceived()).not.toContain("Carol");
    // The new name and email wait for an admin on Carol's record.
    const offers = await db.contactOffer.findMany({ where: { quoteId: stranger.quoteId }, orderBy: { field: "asc" } });
    expect(offers.map((offer) => [offer.field, offer.value])).toEqual([
      ["contactPreference", "email"],
      ["email", STRANGER_EMAIL],
      ["name", "Not Carol"],
    ]);
  });

  it("cannot flood one inbox: after QUOTE_ACK_LIMIT requests with one email in the window, the rest are stored without an acknowledgement", async () => {
    const results = [];
    for (let index = 0; index < 5; index++) results.push(await strangerRequest({ email: "flooded@example.com" }));
    const acknowledged = await db.message.count({ where: { quoteId: { in: results.map((result) => result.quoteId) }, event: "quote.received" } });
    expect(acknowledged).toBe(3);
    const last = await db.quoteStatusEvent.findFirstOrThrow({ where: { quoteId: results[4]!.quoteId } });
    expect(last.note).toContain("No acknowledgement sent: 3 requests from flooded@example.com in the last 60 minutes already had one.");
    expect(await db.quote.count({ where: { contactEmail: "flooded@example.com" } })).toBe(5);
  });
});
