// What a template needs filled on a send, read from its components as Meta lists them: the body's
// parameters (numbers for a positional template, names for a named one), a text header's, and
// the link button whose address ends in a parameter. Pure; the send dialog, the settings pages
// and the dispatcher all read templates through it.
import type { TMessageTemplate } from "@/lib/whatsapp/types";
import { placeholderNames } from "@/lib/whatsapp/template-placeholders";

export type TParameterFormat = "POSITIONAL" | "NAMED";

export type TTemplateShape = {
  format: TParameterFormat;
  body: string;
  /** Placeholders of the body, in the order a send gives them: ["1", "2"] or ["first_name", "order_number"]. */
  bodyParameters: string[];
  headerParameters: string[];
  /** The first URL button whose address ends in a parameter (https://shop/{{1}}), else null. */
  buttonUrl: string | null;
  /** How many URL buttons take a parameter (a send may fill only the first). */
  urlButtonParameters: number;
};

type TComponents = TMessageTemplate["components"];

/** Meta says which format a template was made with; an old answer without it is read from the text. */
export function parameterFormatOf(template: Pick<TMessageTemplate, "parameter_format" | "components">): TParameterFormat {
  if (template.parameter_format === "NAMED" || template.parameter_format === "POSITIONAL") return template.parameter_format;
  const texts = (template.components ?? []).map((component) => component.text ?? "");
  return texts.some((text) => placeholderNames(text).some((name) => !/^\d+$/.test(name))) ? "NAMED" : "POSITIONAL";
}

export function templateShape(template: { components?: TComponents; parameter_format?: TMessageTemplate["parameter_format"] }): TTemplateShape {
  const part = (type: string) => template.components?.find((component) => component.type === type);
  const header = part("HEADER");
  const urlButtons = part("BUTTONS")?.buttons?.filter((button) => button.type === "URL" && placeholderNames(button.url).length > 0) ?? [];
  // A media header (image, document, video) takes one parameter: the media itself.
  const headerParameters = header && header.format !== undefined && header.format !== "TEXT" ? ["media"] : placeholderNames(header?.text);
  return {
    format: parameterFormatOf(template),
    body: part("BODY")?.text ?? "",
    bodyParameters: placeholderNames(part("BODY")?.text),
    headerParameters,
    buttonUrl: urlButtons[0]?.url ?? null,
    urlButtonParameters: urlButtons.length,
  };
}

/** The body text with its parameters filled in, for a preview ({{1}} or {{name}} left where empty). */
export function fillTemplateText(text: string, names: readonly string[], values: readonly string[]): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) => {
    const value = values[names.indexOf(name)];
    return value ? value : placeholder;
  });
}
