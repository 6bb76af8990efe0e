// The WhatsApp Business Account's templates, whatever their status, read from Meta and kept for a
// minute: the send dialog and the notification settings share this one copy, so a template
// paused or approved on Meta shows the same everywhere within a minute. A failure (an expired
// token, say) is returned for the page to show, not thrown, and is not kept.
import { WhatsAppError } from "@/lib/whatsapp/errors";
import type { TMessageTemplate } from "@/lib/whatsapp/types";
import { getWhatsAppClient } from "@/lib/messages/whatsapp-client";

export type TTemplateCatalog = { ok: true; templates: TMessageTemplate[] } | { ok: false; title: string; action: string };

const TTL_MS = 60_000;
const globalForCatalog = globalThis as unknown as { ssgTemplateCatalog?: { at: number; value: TTemplateCatalog } };

export async function loadTemplateCatalog(now = Date.now()): Promise<TTemplateCatalog> {
  const cached = globalForCatalog.ssgTemplateCatalog;
  if (cached && now - cached.at < TTL_MS) return cached.value;
  try {
    const value: TTemplateCatalog = { ok: true, templates: await getWhatsAppClient().listTemplates() };
    globalForCatalog.ssgTemplateCatalog = { at: now, value };
    return value;
  } catch (error) {
    if (!(error instanceof WhatsAppError)) throw error;
    return { ok: false, title: error.title, action: error.action };
  }
}
