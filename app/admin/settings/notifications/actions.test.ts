// Server actions are public endpoints: each checks the session itself, then parses its input.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { TAdmin } from "@/lib/auth/session";
import { DEFAULT_NOTIFICATION_SETTINGS } from "@/lib/notifications/defaults";
import { SANDBOX_TEMPLATES } from "@/lib/whatsapp/sandbox/templates";
import { makeOrder, makeSignedInAdmin } from "@/test/factories";

let signedIn: TAdmin | null = null;
vi.mock("@/lib/auth/session", () => ({ getAdmin: async () => signedIn, requireAdmin: async () => signedIn }));
const revalidatePath = vi.fn();
vi.mock("next/cache", () => ({ revalidatePath: (...args: unknown[]) => revalidatePath(...args) }));
// Meta's template list without a network: the sandbox's library.
vi.mock("@/lib/messages/whatsapp-client", () => ({ getWhatsAppClient: () => ({ listTemplates: async () => [...SANDBOX_TEMPLATES] }) }));

const { previewNotificationAction, saveNotificationSettingAction } = await import("./actions");

const SIGNED_OUT = "Your session has ended. Sign in again to continue.";
const form = (event: keyof typeof DEFAULT_NOTIFICATION_SETTINGS) => {
  const setting = DEFAULT_NOTIFICATION_SETTINGS[event];
  return { ...setting, templateName: setting.templateName ?? "", templateLanguage: setting.templateLanguage ?? "", templateButtonParam: setting.templateButtonParam ?? "" };
};

beforeEach(() => {
  signedIn = null;
  revalidatePath.mockClear();
});

describe("notification settings actions, signed out", () => {
  it("refuse to save or preview and change nothing", async () => {
    const order = await makeOrder();
    expect(await saveNotificationSettingAction(form("order.ready"))).toEqual({ serverError: SIGNED_OUT });
    expect(await previewNotificationAction({ setting: form("order.ready"), orderId: order.id })).toEqual({ serverError: SIGNED_OUT });
    expect(await db.notificationSetting.count()).toBe(0);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});

describe("notification settings actions, signed in", () => {
  beforeEach(async () => {
    signedIn = await makeSignedInAdmin();
  });

  it("save the form's values as the signed-in admin and refresh the page", async () => {
    const result = await saveNotificationSettingAction({ ...form("order.ready"), emailSubject: "Ready: {{order.number}}", enabled: false });
    expect(result).toEqual({ data: { event: "order.ready", label: "Order ready" } });
    expect(await db.notificationSetting.findUniqueOrThrow({ where: { event: "order.ready" } })).toMatchObject({
      enabled: false,
      emailSubject: "Ready: {{order.number}}",
      updatedById: signedIn!.id,
    });
    expect(revalidatePath).toHaveBeenCalledWith("/admin/settings/notifications");
  });

  it("return field errors for unknown placeholders and the template check's message", async () => {
    const invalid = await saveNotificationSettingAction({ ...form("quote.received"), body: "Hi {{customer.nmae}}" });
    expect(invalid.validationErrors?.fieldErrors?.body?.[0]).toMatch(/^Unknown field \{\{customer\.nmae\}\} in the message\./);

    const refused = await saveNotificationSettingAction({ ...form("quote.received"), templateName: "holiday_promo", templateParams: ["customer.firstName"] });
    expect(refused.serverError).toMatch(/^The template "holiday_promo" \(en\) is paused, not approved/);
    expect(await db.notificationSetting.count({ where: { event: "quote.received" } })).toBe(0);
  });

  it("preview unsaved values on a real order without saving them", async () => {
    const order = await makeOrder({ name: "Ayesha Patel" });
    const result = await previewNotificationAction({ setting: { ...form("order.delivered"), body: "Enjoy, {{customer.firstName}}!" }, orderId: order.id });
    expect(result.data?.whatsappText.body).toBe("Enjoy, Ayesha!");
    expect(result.data?.email.html).toContain("Enjoy, Ayesha!");
    expect(await db.notificationSetting.count({ where: { event: "order.delivered" } })).toBe(0);
  });

  it("need exactly one record to preview with", async () => {
    const result = await previewNotificationAction({ setting: form("order.delivered") });
    expect(result.validationErrors?.fieldErrors?.quoteId).toEqual(["Choose a quote or an order to preview with."]);
  });
});
