// The template check is pure (given the account's templates); the save runs on this file's own
// SQLite database with the sandbox's template library standing in for Meta's.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEFAULT_NOTIFICATION_SETTINGS, type TNotificationSettingValue } from "@/lib/notifications/defaults";
import type { TTemplateCatalog } from "@/lib/messages/template-catalog";
import { checkTemplateChoice, describeTemplate, saveNotificationSetting } from "@/lib/notifications/save-setting";
import { getNotificationSetting } from "@/lib/notifications/settings";
import { SANDBOX_TEMPLATES } from "@/lib/whatsapp/sandbox/templates";
import type { TMessageTemplate } from "@/lib/whatsapp/types";
import { makeAdmin } from "@/test/factories";

const answered = DEFAULT_NOTIFICATION_SETTINGS["quote.answered"];
const check = (change: Partial<TNotificationSettingValue>, templates: readonly TMessageTemplate[] = SANDBOX_TEMPLATES) => () =>
  checkTemplateChoice({ ...answered, ...change }, templates);

describe("checkTemplateChoice", () => {
  it("accepts the defaults against the sandbox's approved templates", () => {
    for (const setting of Object.values(DEFAULT_NOTIFICATION_SETTINGS)) {
      expect(() => checkTemplateChoice(setting, SANDBOX_TEMPLATES)).not.toThrow();
    }
  });

  it("names a template the account does not have", () => {
    expect(check({ templateName: "quote_redy" })).toThrow('There is no WhatsApp template named "quote_redy" on this account.');
  });

  it("names the languages a template does exist in", () => {
    expect(check({ templateName: "hello_world", templateLanguage: "en", templateParams: [], templateButtonParam: null })).toThrow(
      'The template "hello_world" has no "en" version. It exists in: en_US.',
    );
  });

  it("refuses a paused or rejected template", () => {
    expect(check({ templateName: "holiday_promo", templateParams: ["customer.firstName"], templateButtonParam: null })).toThrow(
      'The template "holiday_promo" (en) is paused, not approved',
    );
    expect(check({ templateName: "spam_offer", templateParams: [], templateButtonParam: null })).toThrow("is rejected, not approved");
  });

  it("needs exactly as many parameters as the template's body has placeholders", () => {
    expect(check({ templateParams: ["customer.firstName", "quote.number"] })).toThrow('The template "quote_ready" needs 3 parameters; 2 are chosen.');
    expect(check({ templateName: "order_update", templateParams: ["customer.firstName", "order.number", "order.status", "order.total"], templateButtonParam: null })).toThrow(
      "needs 3 parameters; 4 are chosen.",
    );
  });

  it("needs a button field exactly when the template has a URL button with a parameter", () => {
    expect(check({ templateButtonParam: null })).toThrow('The template "quote_ready" has a link button: choose the field that ends its address.');
    expect(check({ templateName: "order_update", templateParams: ["customer.firstName", "order.number", "order.status"] })).toThrow(
      'The template "order_update" has no link button with a parameter',
    );
  });

  it("refuses a template whose header needs a parameter, which is never sent", () => {
    const withHeader: TMessageTemplate = {
      name: "photo_update",
      language: "en",
      status: "APPROVED",
      components: [{ type: "HEADER", format: "IMAGE" }, { type: "BODY", text: "Hi {{1}}" }],
    };
    expect(check({ templateName: "photo_update", templateParams: ["customer.name"], templateButtonParam: null }, [withHeader])).toThrow("has a header that needs a parameter");
  });

  it("throws AppErrors the action shows as they are, and accepts no template at all", () => {
    expect(check({ templateName: "nope" })).toThrow(AppError);
    expect(check({ templateName: null, templateParams: [], templateButtonParam: null }, [])).not.toThrow();
  });
});

describe("describeTemplate", () => {
  it("gives what the settings page shows: body, parameter counts and the button's address", () => {
    const quoteReady = SANDBOX_TEMPLATES.find((template) => template.name === "quote_ready")!;
    expect(describeTemplate(quoteReady)).toEqual({
      name: "quote_ready",
      language: "en",
      category: "UTILITY",
      body: "Hi {{1}}, your quote {{2}} is ready: {{3}}. Tap below to accept or decline it, or reply with any questions.",
      bodyParameters: 3,
      buttonParameters: 1,
      buttonUrl: "https://ssg.example/{{1}}",
    });
    expect(describeTemplate(SANDBOX_TEMPLATES.find((template) => template.name === "order_update")!)).toMatchObject({ bodyParameters: 3, buttonParameters: 0, buttonUrl: null });
  });
});

const sandbox = async (): Promise<TTemplateCatalog> => ({ ok: true, templates: [...SANDBOX_TEMPLATES] });
const unreachable = async (): Promise<TTemplateCatalog> => ({ ok: false, title: "Access token expired", action: "Make a new token." });

describe("saveNotificationSetting", () => {
  it("creates the event's row as the admin who saved it, then updates it", async () => {
    const admin = await makeAdmin();
    const setting = { ...DEFAULT_NOTIFICATION_SETTINGS["order.ready"], body: "Ready: {{order.number}}", enabled: false };
    expect(await saveNotificationSetting(setting, admin.id, { loadTemplates: sandbox })).toEqual({ event: "order.ready", label: "Order ready" });
    expect(await getNotificationSetting(db, "order.ready")).toEqual(setting);
    expect(await db.notificationSetting.findUniqueOrThrow({ where: { event: "order.ready" } })).toMatchObject({ updatedById: admin.id, templateParams: JSON.stringify(setting.templateParams) });

    const other = await makeAdmin();
    await saveNotificationSetting({ ...setting, templateName: null, templateLanguage: null, templateParams: [] }, other.id, { loadTemplates: sandbox });
    expect(await db.notificationSetting.findUniqueOrThrow({ where: { event: "order.ready" } })).toMatchObject({ updatedById: other.id, templateName: null, templateParams: "[]" });
    expect(await db.notificationSetting.count({ where: { event: "order.ready" } })).toBe(1);
  });

  it("refuses a template WhatsApp would refuse and keeps what was saved", async () => {
    const admin = await makeAdmin();
    const before = await getNotificationSetting(db, "quote.received");
    await expect(
      saveNotificationSetting({ ...before, templateParams: ["customer.firstName"] }, admin.id, { loadTemplates: sandbox }),
    ).rejects.toThrow('The template "quote_received" needs 2 parameters; 1 is chosen.');
    expect(await getNotificationSetting(db, "quote.received")).toEqual(before);
  });

  it("with WhatsApp unreachable, saves new wording under an unchanged template but refuses a changed template", async () => {
    const admin = await makeAdmin();
    const current = await getNotificationSetting(db, "order.delivered");
    await saveNotificationSetting({ ...current, emailSubject: "Delivered {{order.number}}" }, admin.id, { loadTemplates: unreachable });
    expect((await getNotificationSetting(db, "order.delivered")).emailSubject).toBe("Delivered {{order.number}}");

    const error = await saveNotificationSetting({ ...current, templateName: "quote_received", templateParams: ["customer.firstName", "order.number"] }, admin.id, {
      loadTemplates: unreachable,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "unavailable", message: expect.stringContaining("Access token expired. Make a new token.") });
    expect((await getNotificationSetting(db, "order.delivered")).templateName).toBe("order_update");
  });

  it("does not ask for templates when the setting has none", async () => {
    const admin = await makeAdmin();
    let asked = 0;
    await saveNotificationSetting(DEFAULT_NOTIFICATION_SETTINGS["quote.declined"], admin.id, { loadTemplates: async () => (asked++, unreachable()) });
    expect(asked).toBe(0);
    expect(await db.notificationSetting.findUnique({ where: { event: "quote.declined" } })).not.toBeNull();
  });
});
