import { describe, expect, it } from "vitest";
import { fillText } from "@/lib/notifications/fields";
import { fittingRecord, sampleValue, withSamples } from "@/lib/notifications/preview-samples";
import { NOTIFICATION_EVENTS } from "@/lib/notifications/events";

type TRecord = { kind: "quote" | "order"; id: string; status: string };
const quote = (id: string, status: string): TRecord => ({ kind: "quote", id, status });
const order = (id: string, status: string): TRecord => ({ kind: "order", id, status });

describe("sample values in the preview", () => {
  it("fills only what the record lacks, with a value marked as a sample: no blank like 'is ready: .'", () => {
    const values = { "customer.firstName": "Ann", "quote.number": "Q-2026-0001" };
    const { text, missing } = fillText("Hi {{customer.firstName}}, {{quote.number}} is ready: {{quote.amount}}.", values);
    expect(text).toBe("Hi Ann, Q-2026-0001 is ready: .");
    const filled = fillText("Hi {{customer.firstName}}, {{quote.number}} is ready: {{quote.amount}}.", withSamples(values, missing));
    expect(filled).toEqual({ text: "Hi Ann, Q-2026-0001 is ready: [sample: R 1 250,00].", missing: [] });
  });

  it("never replaces a value the record has, and ignores names that are not fields", () => {
    expect(withSamples({ "quote.amount": "R 99,00" }, ["quote.amount", "order.nummer"])).toEqual({ "quote.amount": "R 99,00" });
    expect(sampleValue("order.number")).toBe("[sample: O-2026-0042]");
  });
});

describe("the record a preview starts on", () => {
  const records = {
    quotes: [quote("q3", "new"), quote("q2", "quoted"), quote("q1", "declined")],
    orders: [order("o2", "confirmed"), order("o1", "ready")],
  };

  it("is the newest one the event could have been sent for", () => {
    expect(fittingRecord("quote.answered", records)?.id).toBe("q2");
    expect(fittingRecord("quote.declined", records)?.id).toBe("q1");
    expect(fittingRecord("order.ready", records)?.id).toBe("o1");
    expect(fittingRecord("quote.received", records)?.id).toBe("q3");
    expect(fittingRecord("quote.accepted", records)?.id).toBe("o2");
  });

  it("falls back to the newest of the right kind, then to any, then to none", () => {
    expect(fittingRecord("order.delivered", records)?.id).toBe("o2");
    expect(fittingRecord("order.ready", { quotes: records.quotes, orders: [] })?.id).toBe("q3");
    expect(fittingRecord("quote.answered", { quotes: [], orders: [] })).toBeNull();
  });

  it("knows every event", () => {
    for (const event of NOTIFICATION_EVENTS) expect(() => fittingRecord(event, records)).not.toThrow();
  });
});
