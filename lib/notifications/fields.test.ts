import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { formatCalendarDate, formatMoney } from "@/lib/format";
import { FIELD_KEYS, fieldValues, fillText, isNotificationField, NOTIFICATION_FIELDS, placeholdersIn, type TFieldSource } from "@/lib/notifications/fields";

const quote: NonNullable<TFieldSource["quote"]> = {
  number: "Q-0042",
  occasion: "Birthday cake",
  quotedAmountCents: 125_050,
  quoteMessage: "Three tiers.",
  validUntil: new Date("2026-12-09T10:00:00Z"),
  declineReason: "Too expensive",
};
const order: NonNullable<TFieldSource["order"]> = { number: "O-0007", status: "out_for_delivery", deliveryDate: "2026-12-24", totalCents: 50_000, paidCents: 20_000 };

describe("fieldValues", () => {
  it("always has the customer's name, first name and the business name", () => {
    expect(fieldValues({ customer: { name: "Thandi Mokoena" } })).toEqual({
      "customer.name": "Thandi Mokoena",
      "customer.firstName": "Thandi",
      "business.name": env.BUSINESS_NAME,
    });
  });

  it("takes the first word of a name with extra spaces as the first name", () => {
    expect(fieldValues({ customer: { name: "  Anna-Marie   van der Merwe " } })["customer.firstName"]).toBe("Anna-Marie");
    expect(fieldValues({ customer: { name: "Cher" } })["customer.firstName"]).toBe("Cher");
  });

  it("fills every quote field, money through formatMoney and the date as a calendar date", () => {
    const values = fieldValues({ customer: { name: "Thandi" }, quote, acceptLink: { url: "https://shop.example/q/abc", path: "q/abc" } });
    expect(values).toMatchObject({
      "quote.number": "Q-0042",
      "quote.occasion": "Birthday cake",
      "quote.amount": formatMoney(125_050),
      "quote.message": "Three tiers.",
      "quote.validUntil": formatCalendarDate("2026-12-09"),
      "quote.declineReason": "Too expensive",
      "quote.link": "https://shop.example/q/abc",
      "quote.linkPath": "q/abc",
    });
    expect(values["quote.amount"]).toMatch(/1.250,50/);
    expect(values["quote.validUntil"]).toMatch(/2026/);
  });

  it("leaves out quote fields the quote does not have, rather than blank", () => {
    const values = fieldValues({
      customer: { name: "Thandi" },
      quote: { ...quote, quotedAmountCents: null, quoteMessage: null, validUntil: null, declineReason: null },
    });
    expect(values["quote.number"]).toBe("Q-0042");
    for (const key of ["quote.amount", "quote.message", "quote.validUntil", "quote.declineReason", "quote.link", "quote.linkPath"] as const) {
      expect(key in values, key).toBe(false);
    }
  });

  it("formats a zero quoted amount rather than leaving it out", () => {
    expect(fieldValues({ customer: { name: "T" }, quote: { ...quote, quotedAmountCents: 0 } })["quote.amount"]).toBe(formatMoney(0));
  });

  it("fills the order fields: status label in lower case, money and the balance still owed", () => {
    const values = fieldValues({ customer: { name: "Thandi" }, order });
    expect(values).toMatchObject({
      "order.number": "O-0007",
      "order.status": "out for delivery",
      "order.deliveryDate": formatCalendarDate("2026-12-24"),
      "order.total": formatMoney(50_000),
      "order.balance": formatMoney(30_000),
    });
  });

  it("says the delivery date is to be arranged when there is none, and the balance is never negative", () => {
    const values = fieldValues({ customer: { name: "Thandi" }, order: { ...order, deliveryDate: null, paidCents: 60_000 } });
    expect(values["order.deliveryDate"]).toBe("to be arranged");
    expect(values["order.balance"]).toBe(formatMoney(0));
  });

  it("leaves out every quote and order field without a quote or an order", () => {
    const values = fieldValues({ customer: { name: "Thandi" }, quote: null, order: null, acceptLink: null });
    expect(Object.keys(values).sort()).toEqual(["business.name", "customer.firstName", "customer.name"]);
  });

  it("only produces known fields", () => {
    const values = fieldValues({ customer: { name: "Thandi" }, quote, order, acceptLink: { url: "u", path: "p" } });
    expect(Object.keys(values).sort()).toEqual([...FIELD_KEYS].sort());
    for (const key of Object.keys(values)) expect(isNotificationField(key)).toBe(true);
  });
});

describe("isNotificationField", () => {
  it("knows the listed fields only", () => {
    expect(isNotificationField("quote.link")).toBe(true);
    expect(isNotificationField("order.balance")).toBe(true);
    expect(isNotificationField("quote.secret")).toBe(false);
    expect(Object.keys(NOTIFICATION_FIELDS)).toEqual(FIELD_KEYS);
  });
});

describe("placeholdersIn", () => {
  it("lists the fields a text uses, in order, allowing spaces inside the braces", () => {
    expect(placeholdersIn("Hi {{customer.firstName}}, quote {{ quote.number }} costs {{quote.amount}}.")).toEqual([
      "customer.firstName",
      "quote.number",
      "quote.amount",
    ]);
  });

  it("lists unknown names too (so the settings form can refuse them), and repeats", () => {
    expect(placeholdersIn("{{foo.bar}} {{quote.number}} {{quote.number}}")).toEqual(["foo.bar", "quote.number", "quote.number"]);
  });

  it("finds nothing in plain text or single braces", () => {
    expect(placeholdersIn("Hello {customer.name} and {{ }}")).toEqual([]);
    expect(placeholdersIn("")).toEqual([]);
  });

  it("can be called again on the same text (no regex state carried over)", () => {
    const text = "{{quote.number}}";
    expect(placeholdersIn(text)).toEqual(["quote.number"]);
    expect(placeholdersIn(text)).toEqual(["quote.number"]);
  });
});

describe("fillText", () => {
  const values = fieldValues({ customer: { name: "Thandi Mokoena" }, quote: { ...quote, quoteMessage: null } });

  it("fills the placeholders with the values", () => {
    expect(fillText("Hi {{customer.firstName}}, {{ quote.number }} is for {{quote.occasion}}.", values)).toEqual({
      text: "Hi Thandi, Q-0042 is for Birthday cake.",
      missing: [],
    });
  });

  it("leaves a missing field empty and reports it", () => {
    expect(fillText("A{{quote.message}}B {{order.number}}", values)).toEqual({ text: "AB ", missing: ["quote.message", "order.number"] });
  });

  it("reports an unknown field as missing instead of leaving its braces", () => {
    expect(fillText("x{{quote.secret}}y", values)).toEqual({ text: "xy", missing: ["quote.secret"] });
  });

  it("does not treat a value's own braces as a placeholder", () => {
    const tricky = fieldValues({ customer: { name: "{{business.name}}" } });
    expect(fillText("{{customer.name}}", tricky).text).toBe("{{business.name}}");
  });
});
