// What an admin may save for one automatic message, checked the same way in the settings form
// (zodResolver) and in the server action. Client-safe: the field keys come from field-keys.ts.
import { z } from "zod";
import { ZMultilineTextSchema, ZTextSchema } from "@/lib/zod/text";
import { NOTIFICATION_EVENTS } from "@/lib/notifications/events";
import type { TNotificationSettingValue } from "@/lib/notifications/defaults";
import { FIELD_KEYS, PLACEHOLDER, type TNotificationField } from "@/lib/notifications/field-keys";

export const SETTING_FIELD_KEYS = FIELD_KEYS;

const isFieldKey = (value: string): value is TNotificationField => (SETTING_FIELD_KEYS as readonly string[]).includes(value);


/** The {{names}} in a text that are not fields, each once, in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!);
  return [...new Set(names.filter((name) => !isFieldKey(name)))];
}

const listedFields = SETTING_FIELD_KEYS.map((key) => `{{${key}}}`).join(", ");

/** A text with {{placeholders}}: an unknown one would reach the customer as an empty gap. */
const textWithFields = (what: string, max: number, schema = ZTextSchema) =>
  schema
    .trim()
    .min(1, `Write the ${what}.`)
    .max(max, `Keep the ${what} under ${max.toLocaleString("en")} characters.`)
    .superRefine((text, ctx) => {
      const unknown = unknownPlaceholders(text);
      if (unknown.length === 0) return;
      const names = unknown.map((name) => `{{${name}}}`).join(", ");
      ctx.addIssue({
        code: "custom",
        message: `${unknown.length === 1 ? "Unknown field" : "Unknown fields"} ${names} in the ${what}. Use one of: ${listedFields}.`,
      });
    });

const ZFieldKeySchema = ZTextSchema.refine(isFieldKey, "Choose a field.");

/** "" (the select's "none") and null both mean "not set". */
const optionalText = ZTextSchema.trim()
  .nullish()
  .transform((value) => value || null);

export const ZNotificationSettingSchema = z
  .object({
    event: z.enum(NOTIFICATION_EVENTS),
    enabled: z.boolean(),
    templateName: optionalText,
    templateLanguage: optionalText,
    templateParams: z.array(ZFieldKeySchema).max(20),
    templateButtonParam: ZTextSchema.nullish()
      .transform((value) => value || null)
      .refine((value) => value === null || isFieldKey(value), "Choose a field for the button."),
    emailSubject: textWithFields("subject", 200),
    body: textWithFields("message", 4000, ZMultilineTextSchema),
  })
  .superRefine((value, ctx) => {
    if (value.templateName && !value.templateLanguage) {
      ctx.addIssue({ code: "custom", path: ["templateLanguage"], message: "Choose the template's language." });
    }
  })
  // Without a template, its language and parameters mean nothing: they are cleared, not kept
  // stale, so choosing a template later starts from an empty mapping.
  .transform(
    (value): TNotificationSettingValue => ({
      event: value.event,
      enabled: value.enabled,
      templateName: value.templateName,
      templateLanguage: value.templateName ? value.templateLanguage : null,
      templateParams: value.templateName ? (value.templateParams as TNotificationField[]) : [],
      templateButtonParam: value.templateName ? (value.templateButtonParam as TNotificationField | null) : null,
      emailSubject: value.emailSubject,
      body: value.body,
    }),
  );

/** What the form holds (strings, "" for none). */
export type TNotificationSettingInput = z.input<typeof ZNotificationSettingSchema>;
/** What is saved. */
export type TNotificationSetting = z.output<typeof ZNotificationSettingSchema>;
