// Reads of the stored templates: the list for the settings page, one template for a send, the
// choices for the send dialog and the sync's state. The database is the one copy every page
// and process reads (lib/templates/sync.ts fills it, webhooks keep it current).
import "server-only";
import { db, type TDb, type TTx } from "@/lib/db";
import type { TMessageTemplate } from "@/lib/whatsapp/types";
import { templateKey } from "@/lib/templates/choices";
import { templateFlags, unusableReason, type TTemplateFlag, type TTemplateState } from "@/lib/templates/flags";

type TClient = TDb | TTx;

/** The one row of WhatsAppTemplateSync. */
export const SYNC_ID = "waba";

export type TStoredTemplate = TTemplateState & {
  id: string;
  metaId: string | null;
  components: NonNullable<TMessageTemplate["components"]>;
  parameterFormat: "POSITIONAL" | "NAMED";
  statusAt: Date;
  syncedAt: Date | null;
};

export type TTemplateWithFlags = TStoredTemplate & { flags: TTemplateFlag[]; unusable: string | null };

type TRow = Awaited<ReturnType<TDb["whatsAppTemplate"]["findMany"]>>[number];

function parseComponents(json: string): TStoredTemplate["components"] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as TStoredTemplate["components"]) : [];
  } catch {
    return [];
  }
}

function fromRow(row: TRow): TTemplateWithFlags {
  const template: TStoredTemplate = {
    ...row,
    components: parseComponents(row.components),
    parameterFormat: row.parameterFormat === "NAMED" ? "NAMED" : "POSITIONAL",
  };
  return { ...template, flags: templateFlags(template), unusable: unusableReason(template, row.name, row.language) };
}

/** Every stored template: present ones by name and language, then the deleted ones. */
export async function listStoredTemplates(client: TClient = db): Promise<TTemplateWithFlags[]> {
  const rows = await client.whatsAppTemplate.findMany({ orderBy: [{ name: "asc" }, { language: "asc" }] });
  return rows.map(fromRow).sort((a, b) => Number(!!a.deletedAt) - Number(!!b.deletedAt));
}

export async function findStoredTemplate(name: string, language: string, client: TClient = db): Promise<TTemplateWithFlags | null> {
  const row = await client.whatsAppTemplate.findUnique({ where: { name_language: { name, language } } });
  return row ? fromRow(row) : null;
}

/** Templates in Meta's own shape, present ones only: what the notification settings check against. */
export function asMetaTemplate(template: TStoredTemplate): TMessageTemplate {
  return {
    id: template.metaId ?? undefined,
    name: template.name,
    language: template.language,
    status: template.status,
    category: template.category,
    parameter_format: template.parameterFormat,
    components: template.components,
  };
}

export type TSyncState = { startedAt: Date | null; finishedAt: Date | null; succeededAt: Date | null; error: string | null; templates: number; pages: number };

export async function getSyncState(client: TClient = db): Promise<TSyncState | null> {
  return client.whatsAppTemplateSync.findUnique({
    where: { id: SYNC_ID },
    select: { startedAt: true, finishedAt: true, succeededAt: true, error: true, templates: true, pages: true },
  });
}

/**
 * When each template last went to this customer since `since` (queued, sent or on its way; not
 * failed ones), keyed as the send dialog's choices (templateKey): it warns before the same one goes twice.
 */
export async function recentTemplateSends(customerId: string, since: Date, client: TClient = db): Promise<Record<string, string>> {
  const rows = await client.message.findMany({
    where: { customerId, channel: "whatsapp", direction: "outbound", kind: "template", createdAt: { gte: since }, status: { not: "failed" } },
    select: { templateName: true, templateLanguage: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  const sends: Record<string, string> = {};
  for (const row of rows) sends[templateKey(row.templateName ?? "", row.templateLanguage ?? "")] ??= row.createdAt.toISOString();
  return sends;
}
