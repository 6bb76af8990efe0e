// Approved WhatsApp templates for the send dialog, read from Meta and kept for a few minutes so
// a page render does not wait on the Graph API each time. A failure is returned, not thrown: the
// page shows it, which is how an admin learns of an expired token before a send fails.
import { WhatsAppError } from "@/lib/whatsapp/errors";
import { countPlaceholders } from "@/lib/whatsapp/template-placeholders";
import { getWhatsAppClient } from "@/lib/messages/whatsapp-client";

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

const TTL_MS = 5 * 60_000;
const globalForTemplates = globalThis as unknown as { ssgTemplates?: { at: number; value: TTemplateList } };

export async function approvedTemplates(now = Date.now()): Promise<TTemplateList> {
  const cached = globalForTemplates.ssgTemplates;
  if (cached && cached.value.ok && now - cached.at < TTL_MS) return cached.value;
  let value: TTemplateList;
  try {
    const templates = await getWhatsAppClient().listTemplates();
    value = {
      ok: true,
      templates: templates
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
  } catch (error) {
    if (!(error instanceof WhatsAppError)) throw error;
    value = { ok: false, title: error.title, action: error.action };
  }
  globalForTemplates.ssgTemplates = { at: now, value };
  return value;
}
