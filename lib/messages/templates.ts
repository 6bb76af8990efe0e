// The WhatsApp templates an admin may send a customer, from the stored list (lib/templates/:
// synced from Meta, kept current by its webhooks), so a page render never waits on the Graph API.
// Meta's samples (hello_world) are never offered. A failure before any template was synced is
// returned, not thrown: the page shows it, which is how an admin learns of an expired token
// before a send fails.
import "server-only";
import { getWhatsAppClient } from "@/lib/messages/whatsapp-client";
import { loadTemplates } from "@/lib/templates/catalog";
import { customerTemplateChoices, type TSendableTemplate } from "@/lib/templates/choices";

/** A template as the send forms offer it; its body parameters are `bodyParameters`. */
export type TTemplateOption = TSendableTemplate;
export type TTemplateList = { ok: true; templates: TTemplateOption[] } | { ok: false; title: string; action: string };

/** Every template a customer may be offered: the usable ones first, then the unusable with their reason. */
export async function templateChoices(): Promise<TTemplateList> {
  const list = await loadTemplates(getWhatsAppClient());
  if (!list.ok) return list;
  return { ok: true, templates: customerTemplateChoices(list.templates) };
}
