// Saving what an automatic message says, after checking its WhatsApp template against the
// account's templates: a template Meta would refuse (missing, not approved, wrong number of
// parameters) is caught here, when an admin can fix it, not at 2 a.m. by the dispatcher.
import "server-only";
import type { TDb } from "@/lib/db";
import { db as defaultDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TNotificationSettingValue } from "@/lib/notifications/defaults";
import { eventLabel } from "@/lib/notifications/events";
import { getNotificationSetting, toRow } from "@/lib/notifications/settings";
import { expectedParameters } from "@/lib/whatsapp/sandbox/templates";
import type { TMessageTemplate } from "@/lib/whatsapp/types";

/** One template as the settings page shows it: what it says and what it needs filled. */
export type TTemplateChoice = {
  name: string;
  language: string;
  category: string;
  body: string;
  bodyParameters: number;
  /** URL buttons whose address ends in a parameter (the accept link's path, for instance). */
  buttonParameters: number;
  buttonUrl: string | null;
};


export function describeTemplate(template: TMessageTemplate): TTemplateChoice {
  const expected = expectedParameters(template);
  const buttons = template.components?.find((component) => component.type === "BUTTONS")?.buttons ?? [];
  return {
    name: template.name,
    language: template.language,
    category: template.category ?? "",
    body: template.components?.find((component) => component.type === "BODY")?.text ?? "",
    bodyParameters: expected.body,
    buttonParameters: expected.button,
    buttonUrl: buttons.find((button) => button.type === "URL" && button.url?.includes("{{"))?.url ?? null,
  };
}

const invalid = (message: string) => new AppError("invalid_input", message);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * Throws an AppError naming what is wrong when the setting's template cannot be sent as set:
 * the same checks Meta makes on a send (132001 missing, 132015 paused, 132000 parameter count).
 */
export function checkTemplateChoice(setting: TNotificationSettingValue, templates: readonly TMessageTemplate[]): void {
  const { templateName: name, templateLanguage: language } = setting;
  if (!name) return;
  const named = templates.filter((template) => template.name === name);
  if (named.length === 0) throw invalid(`There is no WhatsApp template named "${name}" on this account. Choose one from the list.`);
  const template = named.find((candidate) => candidate.language === language);
  if (!template) {
    const languages = named.map((candidate) => candidate.language).join(", ");
    throw invalid(`The template "${name}" has no "${language ?? ""}" version. It exists in: ${languages}.`);
  }
  if (template.status !== "APPROVED") {
    throw invalid(`The template "${name}" (${template.language}) is ${template.status.toLowerCase()}, not approved: WhatsApp would refuse it. Choose an approved template.`);
  }
  const expected = expectedParameters(template);
  if (expected.header > 0) {
    throw invalid(`The template "${name}" has a header that needs a parameter, which automatic messages cannot fill. Choose a template without one.`);
  }
  if (setting.templateParams.length !== expected.body) {
    throw invalid(`The template "${name}" needs ${plural(expected.body, "parameter")}; ${setting.templateParams.length} ${setting.templateParams.length === 1 ? "is" : "are"} chosen.`);
  }
  // One button parameter is all a message carries (compose.ts); a second would be refused by Meta.
  if (expected.button > 1) throw invalid(`The template "${name}" has ${expected.button} link buttons with a parameter; automatic messages can fill only one.`);
  if (expected.button === 1 && !setting.templateButtonParam) throw invalid(`The template "${name}" has a link button: choose the field that ends its address.`);
  if (expected.button === 0 && setting.templateButtonParam) throw invalid(`The template "${name}" has no link button with a parameter: leave the button field empty.`);
}

const sameTemplate = (a: TNotificationSettingValue, b: TNotificationSettingValue) =>
  a.templateName === b.templateName &&
  a.templateLanguage === b.templateLanguage &&
  a.templateButtonParam === b.templateButtonParam &&
  a.templateParams.join("\n") === b.templateParams.join("\n");

/** The account's templates, or why they could not be read (lib/messages/template-catalog.ts). */
export type TTemplateSource = () => Promise<{ ok: true; templates: readonly TMessageTemplate[] } | { ok: false; title: string; action: string }>;

// The catalog is passed in, not imported: it reads Meta through the messages layer, which sits
// above this one.
type TSaveOptions = { db?: TDb; loadTemplates: TTemplateSource };

/** Checks the template (when one is set) and writes the event's setting as the given admin's. */
export async function saveNotificationSetting(input: TNotificationSettingValue, actorId: string, options: TSaveOptions) {
  const client = options.db ?? defaultDb;
  if (input.templateName) {
    const catalog = await options.loadTemplates();
    if (catalog.ok) {
      checkTemplateChoice(input, catalog.templates);
    } else if (!sameTemplate(input, await getNotificationSetting(client, input.event))) {
      // With WhatsApp unreachable (an expired token, say) the email text can still be edited;
      // only a changed template choice needs Meta's list to be checked against.
      throw new AppError("unavailable", `The template could not be checked with WhatsApp: ${catalog.title}. ${catalog.action} The email text can be saved with the template unchanged.`);
    }
  }
  const row = { ...toRow(input), updatedById: actorId };
  await client.notificationSetting.upsert({ where: { event: input.event }, create: { event: input.event, ...row }, update: row });
  return { event: input.event, label: eventLabel(input.event) };
}
