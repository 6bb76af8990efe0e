import type { Metadata } from "next";
import { requireOwner } from "@/lib/auth/session";
import { eventLabel } from "@/lib/notifications/events";
import { NOTIFICATION_FIELDS } from "@/lib/notifications/fields";
import { listPreviewRecords } from "@/lib/outbox/preview";
import { getWhatsAppClient } from "@/lib/messages/whatsapp-client";
import { describeTemplate } from "@/lib/notifications/save-setting";
import { listNotificationSettings } from "@/lib/notifications/settings";
import { loadTemplates } from "@/lib/templates/catalog";
import { templateKey } from "@/lib/templates/choices";
import { isSampleTemplate } from "@/lib/templates/flags";
import { asMetaTemplate } from "@/lib/templates/queries";
import { TemplateWarning } from "./template-warning";
import { Alert } from "@/components/ui/alert";
import { NotificationSettingForm } from "./notification-setting-form";

export const metadata: Metadata = { title: "Automatic messages" };

export default async function NotificationSettingsPage() {
  await requireOwner("/admin/settings/notifications");
  const [settings, catalog, records] = await Promise.all([listNotificationSettings(), loadTemplates(getWhatsAppClient()), listPreviewRecords()]);
  // Each event's template as stored, for a warning when Meta paused, rejected or re-categorised it.
  const stored = new Map((catalog.ok ? catalog.templates : []).map((template) => [templateKey(template.name, template.language), template]));
  // Only approved templates still on the account can be chosen; the save checks again against the stored list.
  const templates = catalog.ok
    ? catalog.templates.filter((template) => !template.deletedAt && template.status === "APPROVED" && !isSampleTemplate(template.name)).map((template) => describeTemplate(asMetaTemplate(template)))
    : [];
  const fields = Object.entries(NOTIFICATION_FIELDS).map(([key, label]) => ({ key, label }));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Automatic messages</h1>
        <p className="text-slate-600">
          What customers are sent when a quote or an order changes. WhatsApp customers get the message as free text while their 24-hour window is open,
          the approved template outside it; everyone else gets the email.
        </p>
      </div>
      {catalog.ok ? null : (
        <Alert tone="warning" data-testid="templates-unavailable">
          <p className="font-medium">The WhatsApp templates could not be loaded: {catalog.title}.</p>
          <p>{catalog.action} Email texts can still be edited; template choices cannot be changed until then.</p>
        </Alert>
      )}
      {settings.map((setting) => (
        <div key={setting.event} className="space-y-2">
          {setting.templateName ? (
            <TemplateWarning
              event={setting.event}
              template={`${setting.templateName} (${setting.templateLanguage})`}
              flags={stored.get(templateKey(setting.templateName, setting.templateLanguage ?? ""))?.flags ?? []}
            />
          ) : null}
          <NotificationSettingForm setting={setting} label={eventLabel(setting.event)} templates={templates} fields={fields} records={records} />
        </div>
      ))}
    </div>
  );
}
