// The WhatsApp Business Account's templates for the notification settings, read from the stored
// list (lib/templates/catalog.ts: synced from Meta, kept current by webhooks), in Meta's shape.
// Deleted templates are left out; a failure before any template was ever synced (an expired
// token, say) is returned for the page to show, not thrown.
import "server-only";
import type { TMessageTemplate } from "@/lib/whatsapp/types";
import { getWhatsAppClient } from "@/lib/messages/whatsapp-client";
import { loadTemplates } from "@/lib/templates/catalog";
import { asMetaTemplate } from "@/lib/templates/queries";

export type TTemplateCatalog = { ok: true; templates: TMessageTemplate[] } | { ok: false; title: string; action: string };

export async function loadTemplateCatalog(): Promise<TTemplateCatalog> {
  const list = await loadTemplates(getWhatsAppClient());
  if (!list.ok) return list;
  return { ok: true, templates: list.templates.filter((template) => !template.deletedAt).map(asMetaTemplate) };
}
