// Property-based fuzz of the webhook route on the real database: Meta-shaped payloads with odd
// values (huge numbers, lone surrogates, NULs, missing fields, wrong types, repeats, any order),
// posted signed, wrongly signed and unsigned. Properties: our code never answers 5xx; a signed
// POST is stored exactly as sent before its 200, an unsigned one not at all; after draining,
// nothing is left waiting (every delivery applied, ignored, malformed or parked) and nothing is
// half-applied (no orphan status events, no inbound message without its customer).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { whatsappConfig } from "@/lib/env";
import { drainWebhooks, signWebhook, webhookRequest } from "@/test/webhook-requests";
import { POST } from "./route";

const RUNS = Number(process.env.WEBHOOK_FUZZ_RUNS ?? 300);

// Small pools, so that repeats, duplicates and merges between records actually happen.
const WAMIDS = ["wamid.F1", "wamid.F2", "wamid.F3", "wamid.IN1", "wamid.IN2"];
const PHONES = ["27821110001", "27821110002", "27821110003"];
const USER_IDS = ["ZA.1001", "ZA.1002", "ZA.1003"];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const NASTY = ["\ud800", "\udc00", "a\ud83d", "\u0000", "x\u0000y", "", " ", "💐", "\u202e", "null", "<b>hi</b>", "9".repeat(400)];
const oddString = fc.oneof(fc.string(), fc.string({ unit: codeUnit, maxLength: 12 }), fc.constantFrom(...NASTY));
const oddNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(1e300, -1, 0, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER));
const oddValue = fc.oneof(oddString, oddNumber, fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}));
/** An object with these keys, now and then with any of them missing (all keys are optional then). */
function shape<T extends Record<string, fc.Arbitrary<unknown>>>(model: T, core: (keyof T & string)[]) {
  return fc.oneof({ weight: 9, arbitrary: fc.record(model, { requiredKeys: core }) }, { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) });
}

/** Usually the expected thing, sometimes anything at all. */
const mostly = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 30, arbitrary: good }, { weight: 1, arbitrary: oddValue });

const timestamp = mostly(
  fc.oneof(
    fc.integer({ min: 1_700_000_000, max: 1_800_000_000 }).map(String),
    fc.constantFrom("99999999999999999999", "253402300800", "1e9", "-5", "0"),
    fc.integer({ min: 0, max: 2_000_000_000 }),
  ),
);
const wamid = mostly(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...WAMIDS) }, { weight: 1, arbitrary: oddString }));
const phone = mostly(fc.constantFrom(...PHONES));
const userId = mostly(fc.constantFrom(...USER_IDS));
const text = mostly(fc.oneof({ weight: 8, arbitrary: fc.string() }, { weight: 1, arbitrary: oddString }));

const status = shape(
  {
    id: wamid,
    status: mostly(fc.constantFrom("sent", "delivered", "read", "failed", "played")),
    timestamp,
    recipient_id: phone,
    recipient_user_id: userId,
    biz_opaque_callback_data: mostly(oddString),
    pricing: mostly(fc.record({ category: text, type: text }, { requiredKeys: [] })),
    errors: mostly(fc.array(shape({ code: mostly(oddNumber), title: text, message: text, error_data: mostly(fc.record({ details: text })) }, ["code"]), { maxLength: 2 })),
  },
  ["id", "status", "timestamp"],
);

const message = shape(
  {
    id: wamid,
    from: phone,
    from_user_id: userId,
    timestamp,
    type: mostly(fc.constantFrom("text", "image", "button", "interactive", "reaction", "system", "unsupported")),
    text: mostly(fc.record({ body: text })),
    image: mostly(fc.record({ id: text, caption: text }, { requiredKeys: [] })),
    button: mostly(fc.record({ text, payload: text }, { requiredKeys: [] })),
    interactive: mostly(fc.record({ button_reply: mostly(fc.record({ id: text, title: text }, { requiredKeys: [] })) }, { requiredKeys: [] })),
    reaction: mostly(fc.record({ message_id: wamid, emoji: text }, { requiredKeys: [] })),
    context: mostly(fc.record({ id: wamid }, { requiredKeys: [] })),
  },
  ["id", "timestamp", "type"],
);

const contact = fc.record({ wa_id: phone, user_id: userId, profile: mostly(fc.record({ name: text, username: text }, { requiredKeys: [] })) }, { requiredKeys: [] });

const list = <T>(item: fc.Arbitrary<T>) => mostly(fc.array(item, { maxLength: 4 }));

const messagesValue = shape(
  {
    messaging_product: fc.constant("whatsapp"),
    metadata: mostly(shape({ display_phone_number: text, phone_number_id: mostly(fc.constantFrom(whatsappConfig.phoneNumberId, whatsappConfig.phoneNumberId, "100000000000999")) }, ["phone_number_id"])),
    contacts: list(contact),
    statuses: list(status),
    messages: list(message),
    errors: list(fc.record({ code: oddNumber, title: text })),
  },
  ["messaging_product", "metadata"],
);

const change = fc.oneof(
  { weight: 5, arbitrary: fc.record({ field: fc.constant("messages"), value: mostly(messagesValue) }) },
  { weight: 1, arbitrary: fc.record({ field: mostly(fc.constantFrom("message_template_status_update", "account_update")), value: oddValue }, { requiredKeys: [] }) },
);

const entry = shape({ id: mostly(fc.constantFrom(whatsappConfig.wabaId, whatsappConfig.wabaId, "999999999999999")), changes: list(change) }, ["id", "changes"]);
const envelope = shape({ object: mostly(fc.constant("whatsapp_business_account")), entry: list(entry) }, ["object", "entry"]);

/** The bytes on the wire: the JSON, or now and then a cut-off or junk body. */
const body = fc.oneof(
  { weight: 8, arbitrary: envelope.map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: envelope.chain((value) => fc.nat().map((cut) => JSON.stringify(value).slice(0, cut % 200))) },
  { weight: 1, arbitrary: oddString },
);

type TSigning = "signed" | "unsigned" | "wrong";
const signing = fc.constantFrom<TSigning>("signed", "signed", "signed", "unsigned", "wrong");

const counts = { runs: 0, signed: 0, refused: 0, statuses: new Map<number, number>() };

beforeAll(async () => {
  await db.webhookDelivery.deleteMany();
  // Our own outbound messages, so statuses have something to match.
  for (const [index, id] of WAMIDS.slice(0, 3).entries()) {
    await db.message.create({ data: { channel: "whatsapp", direction: "outbound", origin: "admin", kind: "text", status: "accepted", statusRank: 1, providerMessageId: id, createdAt: new Date(1_700_000_000_000 + index) } });
  }
  // A username-only writer and a customer with a phone: inbound messages carrying both get them merged.
  await db.customer.create({ data: { name: "Username only", whatsappUserId: USER_IDS[0], contactPreference: "whatsapp" } });
  await db.customer.create({ data: { name: "Phone only", phone: PHONES[0], contactPreference: "whatsapp" } });
});

afterAll(() => {
  console.log(`webhook fuzz: ${counts.runs} POSTs, ${counts.signed} signed and stored, ${counts.refused} refused; statuses ${JSON.stringify(Object.fromEntries(counts.statuses))}`);
});

describe("POST /api/webhooks/whatsapp under fuzz", () => {
  it("never answers 5xx, stores exactly the signed POSTs, and leaves nothing waiting or half-applied", async () => {
    await fc.assert(
      fc.asyncProperty(body, signing, async (raw, how) => {
        const before = await db.webhookDelivery.count();
        const signature = how === "signed" ? signWebhook(raw) : how === "wrong" ? signWebhook(raw, "not-the-app-secret") : null;
        const response = await POST(webhookRequest(raw, signature));
        counts.runs++;
        counts.statuses.set(response.status, (counts.statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
        const after = await db.webhookDelivery.count();
        if (how === "signed") {
          counts.signed++;
          expect(response.status).toBe(200);
          expect(after).toBe(before + 1);
          const stored = await db.webhookDelivery.findFirstOrThrow({ orderBy: [{ receivedAt: "desc" }, { id: "desc" }], select: { body: true } });
          // As sent, bar a NUL written out as \u0000 (SQLite text would end at it).
          expect(stored.body).toBe(new TextDecoder().decode(new TextEncoder().encode(raw)).replaceAll("\u0000", "\\u0000"));
        } else {
          counts.refused++;
          expect(response.status).toBe(401);
          expect(after).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );

    await drainWebhooks();
    const waiting = await db.webhookDelivery.count({ where: { processedAt: null, parkedAt: null } });
    const parked = await db.webhookDelivery.findMany({ where: { processedAt: null, parkedAt: { not: null } }, select: { lastError: true } });
    const outcomes = await db.webhookDelivery.groupBy({ by: ["outcome"], _count: { _all: true } });
    const applied = { statusEvents: await db.messageStatusEvent.count(), inbound: await db.message.count({ where: { direction: "inbound" } }), merges: await db.customerEvent.count({ where: { kind: "merged" } }) };
    console.log(`webhook fuzz after draining: ${waiting} waiting, ${parked.length} parked; outcomes ${JSON.stringify(Object.fromEntries(outcomes.map((group) => [group.outcome, group._count._all])))}; applied ${JSON.stringify(applied)}`);
    expect(waiting).toBe(0);
    // Every odd value is read defensively, so none of them makes applying fail.
    expect(parked.map((delivery) => delivery.lastError)).toEqual([]);
    // Nothing half-applied.
    expect(await db.message.count({ where: { direction: "inbound", customerId: null } })).toBe(0);
    const orphanEvents = await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "MessageStatusEvent" e LEFT JOIN "Message" m ON m."id" = e."messageId" WHERE m."id" IS NULL`;
    expect(Number(orphanEvents[0]!.n)).toBe(0);
    expect(await db.customer.count({ where: { phone: null, whatsappUserId: null } })).toBe(0);
    // Repeats were stored once: one inbound message per wamid.
    const inbound = await db.message.findMany({ where: { direction: "inbound" }, select: { providerMessageId: true } });
    expect(new Set(inbound.map((row) => row.providerMessageId)).size).toBe(inbound.length);
  }, 240_000);
});
