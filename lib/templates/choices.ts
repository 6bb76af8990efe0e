// The templates the send dialog offers a customer, from the stored list: never Meta's samples
// (hello_world and the sample_ ones), never deleted ones; usable ones first, the unusable ones
// after them with the reason, so an admin sees why the template they expected cannot go. Pure.
import { isSampleTemplate, type TTemplateFlag } from "@/lib/templates/flags";
import type { TTemplateWithFlags } from "@/lib/templates/queries";
import { templateShape, type TParameterFormat } from "@/lib/templates/shape";

export type TSendableTemplate = {
  /** "name|language": one select holds both. */
  key: string;
  name: string;
  language: string;
  category: string;
  format: TParameterFormat;
  body: string;
  /** The body's placeholders in send order: ["1", "2"] or ["first_name", …]. */
  bodyParameters: string[];
  /** The URL of the template's link button when its end is a parameter, else null. */
  buttonUrl: string | null;
  flags: TTemplateFlag[];
  /** Why it cannot be sent now, or null. */
  unusable: string | null;
};

export const templateKey = (name: string, language: string) => `${name}|${language}`;

export function customerTemplateChoices(templates: readonly TTemplateWithFlags[]): TSendableTemplate[] {
  return templates
    .filter((template) => !template.deletedAt && !isSampleTemplate(template.name))
    .map((template) => {
      const shape = templateShape({ components: template.components, parameter_format: template.parameterFormat });
      return {
        key: templateKey(template.name, template.language),
        name: template.name,
        language: template.language,
        category: template.category,
        format: shape.format,
        body: shape.body,
        bodyParameters: shape.bodyParameters,
        buttonUrl: shape.buttonUrl,
        flags: template.flags,
        unusable: template.unusable,
      };
    })
    .sort((a, b) => Number(a.unusable !== null) - Number(b.unusable !== null));
}

/** The template the dialog starts on: the event's, when it can be sent, else the first that can. */
export function defaultTemplateKey(choices: readonly TSendableTemplate[], preferred: { name: string | null; language: string | null } | null): string {
  const wanted = preferred?.name ? choices.find((choice) => choice.name === preferred.name && choice.language === preferred.language && !choice.unusable) : undefined;
  return (wanted ?? choices.find((choice) => !choice.unusable))?.key ?? "";
}

/** A template as a picker lists it: "name (language)", and what is wrong when it cannot be sent (it is listed, disabled). */
export function templateOptionLabel(option: Pick<TSendableTemplate, "name" | "language" | "flags" | "unusable">): string {
  const label = `${option.name} (${option.language})`;
  if (!option.unusable) return label;
  return `${label} — ${option.flags.find((flag) => flag.blocking)?.kind.replaceAll("_", " ") ?? "unusable"}`;
}
