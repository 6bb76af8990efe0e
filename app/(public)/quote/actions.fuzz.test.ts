// Property-based fuzzing of the public quote action on a real database: whatever a stranger
// sends (odd strings, control characters, lone surrogates, wrong types, known customers' details),
// the action answers with data or a message, never throws, never leaves half a record, and never
// changes a customer who already exists.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";

process.env.QUOTE_RATE_LIMIT = "0";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.1" }) }));

const { db } = await import("@/lib/db");
const { submitQuoteAction } = await import("./actions");
const { makeCustomer } = await import("@/test/factories");

const KNOWN = [
  { name: "Alice Dlamini", email: "alice@example.com", phone: "27820000101" },
  { name: "Bob Naidoo", email: "bob@example.com", phone: "27820000202" },
];

const customerColumns = { id: true, name: true, email: true, phone: true, contactPreference: true, whatsappConsentAt: true, whatsappOptedOutAt: true } as const;
let known: Awaited<ReturnType<typeof snapshotKnown>>;
const snapshotKnown = () => db.customer.findMany({ where: { email: { in: KNOWN.map((c) => c.email) } }, select: customerColumns, orderBy: { email: "asc" } });

beforeAll(async () => {
  for (const customer of KNOWN) await makeCustomer({ ...customer, contactPreference: "email" });
  known = await snapshotKnown();
});

// Strings a careless integration or an attacker sends: unicode, control characters, lone
// surrogates, NULs, very long ones, and the known customers' own details.
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("\u0000", "\ud800", "a\udfffb", "\u202e", "\u0007bell", " ", "", "x".repeat(5000), "<script>alert(1)</script>", "'; DROP TABLE Quote;--"),
  fc.constantFrom(...KNOWN.flatMap((c) => [c.email, c.email.toUpperCase(), `+${c.phone}`, `0${c.phone.slice(2)}`, c.name])),
  fc.constantFrom("082 123 4567", "+27 82 999 0000", "mallory@example.com", "2099-12-24", "1 250", "750"),
);
const anyValue = fc.oneof(nasty, fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));

// Each field is usually a plausible value (so requests get stored and matched to the known
// customers) and sometimes a nasty one.
const field = (plausible: fc.Arbitrary<unknown>) => fc.oneof({ weight: 9, arbitrary: plausible }, { weight: 1, arbitrary: nasty });
const formLike = fc.record({
  name: field(fc.constantFrom("Ann Mokoena", "Mallory", ...KNOWN.map((c) => c.name))),
  email: field(fc.constantFrom("", "mallory@example.com", ...KNOWN.map((c) => c.email))),
  phone: field(fc.constantFrom("", "082 999 0001", ...KNOWN.map((c) => `+${c.phone}`))),
  contactPreference: field(fc.constantFrom("email", "whatsapp")),
  whatsappConsent: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: anyValue }),
  occasion: field(fc.constantFrom("Birthday hamper", "Wedding gift")),
  budget: field(fc.constantFrom("", "750", "1 250")),
  neededBy: field(fc.constantFrom("", "2099-12-24")),
  deliveryArea: field(fc.constantFrom("", "Claremont")),
  notes: field(fc.constantFrom("", "Ring the bell")),
  website: fc.oneof({ weight: 9, arbitrary: fc.constant("") }, { weight: 1, arbitrary: nasty }),
});
// Mostly well-formed submissions (so the stored path is exercised), some with a field of any type.
const submission = fc.oneof(
  { weight: 3, arbitrary: formLike },
  { weight: 1, arbitrary: fc.tuple(formLike, fc.constantFrom("name", "email", "phone", "contactPreference", "occasion", "website"), anyValue).map(([form, key, value]) => ({ ...form, [key]: value })) },
);

const stats = { runs: 0, stored: 0, refused: 0 };

describe("submitQuoteAction under fuzzing", () => {
  it("answers every input with data or a message, stores whole quotes only, and never changes an existing customer", async () => {
    await fc.assert(
      fc.asyncProperty(submission, async (input) => {
        stats.runs++;
        const quotesBefore = await db.quote.count();
        const result = await submitQuoteAction(input as never);
        const quotesAfter = await db.quote.count();
        if (result?.data) {
          stats.stored++;
          expect(quotesAfter).toBe(quotesBefore + 1);
          const quote = await db.quote.findUniqueOrThrow({ where: { number: result.data.number }, include: { statusEvents: true, customer: true } });
          expect(quote.statusEvents).toHaveLength(1);
          expect(quote.contactName.length).toBeGreaterThan(0);
          // What was stored is text a database and a browser can hold.
          expect(JSON.stringify(quote)).not.toMatch(/\\u0000|\\ud[89ab]/i);
        } else {
          stats.refused++;
          expect(quotesAfter).toBe(quotesBefore);
          const message = result?.serverError ?? Object.values(result?.validationErrors?.fieldErrors ?? {}).flat()[0] ?? result?.validationErrors?.formErrors?.[0];
          expect(typeof message).toBe("string");
          expect((message as string).length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 500 },
    );
    expect(await snapshotKnown()).toEqual(known);
    // Every quote has its first timeline entry; no customer is left without a quote.
    expect(await db.quote.count({ where: { statusEvents: { none: {} } } })).toBe(0);
    expect(await db.customer.count({ where: { quotes: { none: {} }, email: { notIn: KNOWN.map((c) => c.email) } } })).toBe(0);
    console.log(`quote action fuzz: ${stats.runs} runs, ${stats.stored} stored, ${stats.refused} refused with a message`);
    expect(stats.stored).toBeGreaterThan(0);
  }, 120_000);
});
