// Turns an event's setting and the record it is about into what is actually sent: a WhatsApp
// text, a WhatsApp template with its parameters, or an email. Pure; the preview on the settings
// page and the dispatcher both call it, so the preview is what the customer gets.
import { renderEmail, type TEmailContent } from "@/lib/email/layout";
import type { TNotificationSettingValue } from "@/lib/notifications/defaults";
import { fillText, placeholdersIn, type TFieldValues } from "@/lib/notifications/fields";

export type TComposed =
  | { channel: "whatsapp"; kind: "text"; body: string; missing: string[] }
  | {
      channel: "whatsapp";
      kind: "template";
      templateName: string;
      language: string;
      parameters: string[];
      buttonUrlParameter?: string;
      missing: string[];
    }
  | { channel: "email"; kind: "email"; email: TEmailContent; missing: string[] };

export function composeWhatsAppText(setting: TNotificationSettingValue, values: TFieldValues): TComposed {
  const { text, missing } = fillText(setting.body, values);
  return { channel: "whatsapp", kind: "text", body: tidy(text), missing };
}

export function composeWhatsAppTemplate(setting: TNotificationSettingValue, values: TFieldValues): TComposed {
  if (!setting.templateName) throw new Error(`No template is set for ${setting.event}`);
  const missing = setting.templateParams.filter((key) => values[key] === undefined);
  // Meta refuses an empty parameter (131008), so a missing value is sent as a dash and reported.
  const parameters = setting.templateParams.map((key) => values[key] || "-");
  const button = setting.templateButtonParam ? values[setting.templateButtonParam] : undefined;
  if (setting.templateButtonParam && button === undefined) missing.push(setting.templateButtonParam);
  return {
    channel: "whatsapp",
    kind: "template",
    templateName: setting.templateName,
    language: setting.templateLanguage ?? "en",
    parameters,
    buttonUrlParameter: setting.templateButtonParam ? (button ?? "-") : undefined,
    missing,
  };
}

export function composeEmail(setting: TNotificationSettingValue, values: TFieldValues): TComposed {
  const subject = fillText(setting.emailSubject, values);
  const body = fillText(setting.body, values);
  const link = values["quote.link"];
  const action = link && placeholdersIn(setting.body).includes("quote.link") ? { label: "View and answer your quote", url: link } : undefined;
  return {
    channel: "email",
    kind: "email",
    email: renderEmail({ subject: tidy(subject.text), body: tidy(body.text), action }),
    missing: [...subject.missing, ...body.missing],
  };
}

/** An empty field can leave an empty paragraph or a double space behind. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/ {2,}/g, " ")
    .trim();
}
