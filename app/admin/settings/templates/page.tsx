import type { Metadata } from "next";
import { requireOwner } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getWhatsAppClient } from "@/lib/messages/whatsapp-client";
import { eventLabel } from "@/lib/notifications/events";
import { listNotificationSettings } from "@/lib/notifications/settings";
import { loadTemplates } from "@/lib/templates/catalog";
import { isSampleTemplate } from "@/lib/templates/flags";
import type { TTemplateWithFlags } from "@/lib/templates/queries";
import { templateShape } from "@/lib/templates/shape";
import { Alert } from "@/components/ui/alert";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { SyncTemplatesButton } from "./sync-button";

export const metadata: Metadata = { title: "WhatsApp templates" };

const STATUS_TONE: Record<string, TBadgeTone> = { APPROVED: "success", FLAGGED: "warning", PENDING: "info", IN_APPEAL: "info", PAUSED: "warning", REJECTED: "danger", DISABLED: "danger" };

function statusBadge(template: TTemplateWithFlags) {
  if (template.deletedAt) return <Badge tone="neutral">Deleted</Badge>;
  const label = template.status.charAt(0) + template.status.slice(1).toLowerCase().replace(/_/g, " ");
  return <Badge tone={STATUS_TONE[template.status] ?? "neutral"}>{label}</Badge>;
}

export default async function TemplatesPage() {
  await requireOwner("/admin/settings/templates");
  const [list, settings] = await Promise.all([loadTemplates(getWhatsAppClient()), listNotificationSettings()]);
  const usedBy = (template: TTemplateWithFlags) =>
    settings.filter((setting) => setting.templateName === template.name && setting.templateLanguage === template.language).map((setting) => eventLabel(setting.event));
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold">WhatsApp templates</h1>
          <p className="text-slate-600">
            The business account&apos;s message templates, as Meta has them: synced every few hours and on demand, and updated by Meta&apos;s webhooks when a
            template is approved, paused, rejected or re-categorised.
          </p>
        </div>
        <SyncTemplatesButton />
      </div>
      {!list.ok ? (
        <Alert tone="danger" data-testid="templates-unavailable">
          <p className="font-medium">The templates could not be loaded: {list.title}.</p>
          <p>{list.action}</p>
        </Alert>
      ) : (
        <>
          <p className="text-sm text-slate-600" data-testid="templates-synced">
            {list.syncedAt ? `Last synced ${formatDateTime(list.syncedAt)}.` : "Not synced yet."} {list.templates.length} templates.
          </p>
          {list.syncError ? (
            <Alert tone="warning" data-testid="templates-sync-error">
              The last sync failed: {list.syncError}
            </Alert>
          ) : null}
          <ul className="space-y-3" aria-label="Templates">
            {list.templates.map((template) => (
              <TemplateCard key={template.id} template={template} usedBy={usedBy(template)} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function TemplateCard({ template, usedBy }: { template: TTemplateWithFlags; usedBy: string[] }) {
  const shape = templateShape({ components: template.components, parameter_format: template.parameterFormat });
  return (
    <li data-testid={`template-${template.name}-${template.language}`}>
      <Card className={template.deletedAt ? "opacity-70" : undefined}>
        <CardContent className="space-y-2 pt-4">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="font-mono text-sm font-semibold break-all text-slate-900">{template.name}</h2>
            <span className="text-sm text-slate-600">{template.language}</span>
            {statusBadge(template)}
            <Badge tone="neutral">{template.category.toLowerCase()}</Badge>
            <Badge tone="neutral">{shape.format === "NAMED" ? "named parameters" : "positional parameters"}</Badge>
            {template.quality ? <Badge tone={template.quality === "GREEN" ? "success" : template.quality === "UNKNOWN" ? "neutral" : "warning"}>quality {template.quality.toLowerCase()}</Badge> : null}
            {isSampleTemplate(template.name) ? <Badge tone="info">Meta&apos;s sample: never sent to customers</Badge> : null}
          </div>
          {shape.body ? <p className="text-sm whitespace-pre-wrap text-slate-700">{shape.body}</p> : null}
          <p className="text-xs text-slate-500">
            {shape.bodyParameters.length ? `Parameters: ${shape.bodyParameters.map((name) => `{{${name}}}`).join(", ")}` : "No parameters"}
            {shape.buttonUrl ? ` · link button ${shape.buttonUrl}` : ""}
            {usedBy.length ? ` · used by ${usedBy.join(", ")}` : ""}
          </p>
          {template.flags.length ? (
            <Alert tone={template.flags.some((flag) => flag.blocking) ? "danger" : "warning"} data-testid={`template-flags-${template.name}`}>
              {template.flags.map((flag) => (
                <p key={flag.kind}>{flag.text}</p>
              ))}
              {usedBy.length && template.flags.some((flag) => flag.blocking) ? <p>Automatic messages that use it go by email until it can be sent again.</p> : null}
            </Alert>
          ) : null}
        </CardContent>
      </Card>
    </li>
  );
}
