// Approved WhatsApp templates for the send dialog, from the shared catalog (lib/messages/
// template-catalog.ts), so a page render does not wait on the Graph API each time. A failure is
// returned, not thrown: the page shows it, which is how an admin learns of an expired token
// before a send fails.
import { countPlaceholders } from "@/lib/whatsapp/template-placeholders";
import { loadTemplateCatalog } from "@/lib/messages/template-catalog";

export type TTemplateOption = {
  name: string;
  language: string;
  category: string;
  body: string;
  parameterCount: number;
  /** The URL of the template's link button when its end is a parameter (https://shop/{{1}}), else null. */
  buttonUrl: string | null;
};
export type TTemplateList = { ok: true; templates: TTemplateOption[] } | { ok: false; title: string; action: string };

export async function approvedTemplates(now = Date.now()): Promise<TTemplateList> {
  const catalog = await loadTemplateCatalog(now);
  if (!catalog.ok) return catalog;
  return {
    ok: true,
    templates: catalog.templates
      .filter((template) => template.status === "APPROVED")
      .map((template) => {
        const body = template.components?.find((component) => component.type === "BODY")?.text ?? "";
        const button = template.components
          ?.find((component) => component.type === "BUTTONS")
          ?.buttons?.find((candidate) => candidate.type === "URL" && countPlaceholders(candidate.url) > 0);
        return {
          name: template.name,
          language: template.language,
          category: template.category ?? "",
          body,
          parameterCount: countPlaceholders(body),
          buttonUrl: button?.url ?? null,
        };
      }),
  };
}
