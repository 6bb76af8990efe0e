import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/format";
import { composeEmail, composeWhatsAppTemplate, composeWhatsAppText, type TComposed } from "@/lib/notifications/compose";
import { DEFAULT_NOTIFICATION_SETTINGS } from "@/lib/notifications/defaults";
import { fieldValues, type TFieldSource } from "@/lib/notifications/fields";
import type { TNotificationSettingValue } from "@/lib/notifications/defaults";

const quote: NonNullable<TFieldSource["quote"]> = {
  number: "Q-0042",
  occasion: "Birthday cake",
  quotedAmountCents: 125_050,
  quoteMessage: "Three tiers.",
  validUntil: new Date("2026-12-09T10:00:00Z"),
  declineReason: null,
};
const link = { url: "https://shop.example/q/AbCdEfGhIjKlMnOpQrStUvWxYz012345", path: "q/AbCdEfGhIjKlMnOpQrStUvWxYz012345" };

const setting = (overrides: Partial<TNotificationSettingValue>): TNotificationSettingValue => ({
  ...DEFAULT_NOTIFICATION_SETTINGS["quote.answered"],
  ...overrides,
});

function email(composed: TComposed) {
  if (composed.kind !== "email") throw new Error("expected email");
  return composed;
}

describe("composeWhatsAppText", () => {
  it("fills the body and reports what is missing", () => {
    const composed = composeWhatsAppText(setting({ body: "Hi {{customer.firstName}}, quote {{quote.number}}: {{quote.amount}}. {{order.number}}" }), fieldValues({ customer: { name: "Thandi M" }, quote }));
    expect(composed).toEqual({ channel: "whatsapp", kind: "text", body: `Hi Thandi, quote Q-0042: ${formatMoney(125_050)}.`, missing: ["order.number"] });
  });

  it("tidies the blank paragraph and double space an empty field leaves behind", () => {
    const composed = composeWhatsAppText(
      setting({ body: "Hi {{customer.firstName}},\n\n{{quote.message}}\n\n\n\nSee you  {{quote.declineReason}} soon.  \nBye" }),
      fieldValues({ customer: { name: "Thandi" }, quote: { ...quote, quoteMessage: null } }),
    );
    if (composed.kind !== "text") throw new Error("expected text");
    expect(composed.body).toBe("Hi Thandi,\n\nSee you soon.\nBye");
    expect(composed.missing).toEqual(["quote.message", "quote.declineReason"]);
  });
});

describe("composeWhatsAppTemplate", () => {
  it("sends the parameters in the setting's order, with name, language and button", () => {
    const composed = composeWhatsAppTemplate(
      setting({ templateName: "quote_ready", templateLanguage: "en_GB", templateParams: ["quote.amount", "customer.firstName", "quote.number"], templateButtonParam: "quote.linkPath" }),
      fieldValues({ customer: { name: "Thandi Mokoena" }, quote, acceptLink: link }),
    );
    expect(composed).toEqual({
      channel: "whatsapp",
      kind: "template",
      templateName: "quote_ready",
      language: "en_GB",
      parameters: [formatMoney(125_050), "Thandi", "Q-0042"],
      buttonUrlParameter: link.path,
      missing: [],
    });
  });

  it("sends a missing value as a dash (Meta refuses empty parameters) and reports it", () => {
    const composed = composeWhatsAppTemplate(
      setting({ templateParams: ["customer.firstName", "order.number", "quote.message"], templateButtonParam: null }),
      fieldValues({ customer: { name: "Thandi" }, quote: { ...quote, quoteMessage: null } }),
    );
    expect(composed).toMatchObject({ parameters: ["Thandi", "-", "-"], missing: ["order.number", "quote.message"], buttonUrlParameter: undefined });
  });

  it("sends a missing button parameter as a dash and reports it", () => {
    const composed = composeWhatsAppTemplate(setting({ templateParams: ["customer.firstName"], templateButtonParam: "quote.linkPath" }), fieldValues({ customer: { name: "Thandi" }, quote }));
    expect(composed).toMatchObject({ parameters: ["Thandi"], buttonUrlParameter: "-", missing: ["quote.linkPath"] });
  });

  it("defaults the language to English", () => {
    expect(composeWhatsAppTemplate(setting({ templateLanguage: null }), fieldValues({ customer: { name: "T" } }))).toMatchObject({ language: "en" });
  });

  it("refuses a setting without a template", () => {
    expect(() => composeWhatsAppTemplate(DEFAULT_NOTIFICATION_SETTINGS["quote.declined"], fieldValues({ customer: { name: "T" } }))).toThrow(
      "No template is set for quote.declined",
    );
  });
});

describe("composeEmail", () => {
  it("fills the subject and body and renders them with the business's name", () => {
    const composed = email(composeEmail(DEFAULT_NOTIFICATION_SETTINGS["quote.received"], fieldValues({ customer: { name: "Thandi Mokoena" }, quote })));
    expect(composed.channel).toBe("email");
    expect(composed.missing).toEqual([]);
    expect(composed.email.subject).toBe("We received your quote request Q-0042");
    expect(composed.email.text).toContain("Hi Thandi,\n\nThank you for asking us for a quote (Q-0042: Birthday cake).");
    expect(composed.email.html).toContain("Thank you for asking us for a quote (Q-0042: Birthday cake).");
    expect(composed.email.html).toContain(env.BUSINESS_NAME);
    expect(composed.email.html).not.toContain("{{");
  });

  it("reports missing fields of the subject and the body", () => {
    const composed = email(composeEmail(setting({ emailSubject: "Order {{order.number}}", body: "Hi {{customer.firstName}} {{order.total}}" }), fieldValues({ customer: { name: "T" } })));
    expect(composed.missing).toEqual(["order.number", "order.total"]);
    expect(composed.email.subject).toBe("Order");
  });

  it("adds the answer button when the body uses the accept link", () => {
    const composed = email(composeEmail(DEFAULT_NOTIFICATION_SETTINGS["quote.answered"], fieldValues({ customer: { name: "Thandi" }, quote, acceptLink: link })));
    expect(composed.email.html).toContain(`<a href="${link.url}" style="background:`);
    expect(composed.email.html).toContain("View and answer your quote</a>");
    expect(composed.email.text).toContain(`View and answer your quote: ${link.url}`);
  });

  it("has no button when the body does not use the accept link, even if there is one", () => {
    const composed = email(composeEmail(DEFAULT_NOTIFICATION_SETTINGS["quote.received"], fieldValues({ customer: { name: "Thandi" }, quote, acceptLink: link })));
    expect(composed.email.html).not.toContain("View and answer your quote");
    expect(composed.email.html).not.toContain(link.url);
    expect(composed.email.text).not.toContain(link.url);
  });

  it("has no button when the body uses the link but there is none (quote no longer open)", () => {
    const composed = email(composeEmail(DEFAULT_NOTIFICATION_SETTINGS["quote.answered"], fieldValues({ customer: { name: "Thandi" }, quote })));
    expect(composed.email.html).not.toContain("View and answer your quote");
    expect(composed.missing).toContain("quote.link");
  });

  it("escapes the customer's text in the HTML", () => {
    const composed = email(
      composeEmail(
        setting({ emailSubject: "About {{quote.occasion}}", body: "Hi {{customer.name}},\n\nFor: {{quote.occasion}}" }),
        fieldValues({ customer: { name: 'Eve "<b>bold</b>"' }, quote: { ...quote, occasion: "<script>alert('x')</script> & cake" } }),
      ),
    );
    expect(composed.email.html).not.toContain("<script>");
    expect(composed.email.html).not.toContain("<b>");
    expect(composed.email.html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; cake");
    expect(composed.email.html).toContain("Eve &quot;&lt;b&gt;bold&lt;/b&gt;&quot;");
    expect(composed.email.html).toContain("<title>About &lt;script&gt;");
    // The plain-text twin and the subject header are not HTML: they keep the text as typed.
    expect(composed.email.subject).toBe("About <script>alert('x')</script> & cake");
    expect(composed.email.text).toContain("For: <script>alert('x')</script> & cake");
  });
});
