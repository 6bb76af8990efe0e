import { describe, expect, it } from "vitest";
import { FIELD_KEYS, placeholdersIn } from "@/lib/notifications/fields";
import { DEFAULT_NOTIFICATION_SETTINGS } from "@/lib/notifications/defaults";
import { NOTIFICATION_EVENTS } from "@/lib/notifications/events";
import { SETTING_FIELD_KEYS, ZNotificationSettingSchema, unknownPlaceholders, type TNotificationSettingInput } from "@/lib/notifications/settings-schema";

const valid: TNotificationSettingInput = {
  event: "quote.answered",
  enabled: true,
  templateName: "quote_ready",
  templateLanguage: "en",
  templateParams: ["customer.firstName", "quote.number", "quote.amount"],
  templateButtonParam: "quote.linkPath",
  emailSubject: "Your quote {{quote.number}}",
  body: "Hi {{ customer.firstName }}, accept here: {{quote.link}}",
};

const fieldErrors = (input: unknown) => {
  const result = ZNotificationSettingSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.flatten().fieldErrors as Record<string, string[] | undefined>;
};

describe("the field list the form checks against", () => {
  it("is the same list the sender fills, so the form cannot accept a field that is never filled", () => {
    expect([...SETTING_FIELD_KEYS]).toEqual(FIELD_KEYS);
  });

  it("finds placeholders the way the sender does", () => {
    const text = "{{customer.name}} {{ quote.link }} {{nope}} {{1}} {{order.number}}";
    expect(placeholdersIn(text).filter((name) => !(SETTING_FIELD_KEYS as readonly string[]).includes(name))).toEqual(unknownPlaceholders(text));
    expect(unknownPlaceholders(text)).toEqual(["nope"]);
  });
});

describe("ZNotificationSettingSchema", () => {
  it("accepts every default setting unchanged", () => {
    for (const event of NOTIFICATION_EVENTS) {
      expect(ZNotificationSettingSchema.parse(DEFAULT_NOTIFICATION_SETTINGS[event])).toEqual(DEFAULT_NOTIFICATION_SETTINGS[event]);
    }
  });

  it("trims the texts and keeps the template mapping", () => {
    expect(ZNotificationSettingSchema.parse({ ...valid, emailSubject: "  Hi {{quote.number}}  " })).toMatchObject({
      emailSubject: "Hi {{quote.number}}",
      templateParams: ["customer.firstName", "quote.number", "quote.amount"],
      templateButtonParam: "quote.linkPath",
    });
  });

  it("treats an empty template as none and clears its language, parameters and button", () => {
    expect(ZNotificationSettingSchema.parse({ ...valid, templateName: "" })).toMatchObject({
      templateName: null,
      templateLanguage: null,
      templateParams: [],
      templateButtonParam: null,
    });
  });

  it("turns an empty button select into no button", () => {
    expect(ZNotificationSettingSchema.parse({ ...valid, templateButtonParam: "" }).templateButtonParam).toBeNull();
  });

  it("refuses an unknown placeholder, naming it and listing the valid ones", () => {
    const errors = fieldErrors({ ...valid, body: "Hi {{customer.nam}} and {{quote.total}} and {{customer.nam}}" });
    expect(errors.body?.[0]).toMatch(/^Unknown fields \{\{customer\.nam\}\}, \{\{quote\.total\}\} in the message\. Use one of: \{\{customer\.name\}\}, /);
    expect(errors.body?.[0]).toContain("{{order.balance}}");
    expect(fieldErrors({ ...valid, emailSubject: "Quote {{quote.id}}" }).emailSubject?.[0]).toMatch(/^Unknown field \{\{quote\.id\}\} in the subject\./);
  });

  it("refuses a parameter or button that is not a field", () => {
    const errors = fieldErrors({ ...valid, templateParams: ["customer.firstName", "", "constructor"], templateButtonParam: "quote.url" });
    expect(errors.templateParams).toEqual(["Choose a field.", "Choose a field."]);
    expect(errors.templateButtonParam).toEqual(["Choose a field for the button."]);
  });

  it("needs a language with a template, a subject and a body within their limits", () => {
    const errors = fieldErrors({ ...valid, templateLanguage: "", emailSubject: " ", body: "x".repeat(4001) });
    expect(errors.templateLanguage).toEqual(["Choose the template's language."]);
    expect(errors.emailSubject).toEqual(["Write the subject."]);
    expect(errors.body).toEqual(["Keep the message under 4,000 characters."]);
    expect(fieldErrors({ ...valid, emailSubject: "x".repeat(201) }).emailSubject).toEqual(["Keep the subject under 200 characters."]);
  });

  it("refuses an unknown event", () => {
    expect(fieldErrors({ ...valid, event: "order.confirmed" }).event).toHaveLength(1);
  });
});
