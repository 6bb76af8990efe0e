"use client";

import { useState } from "react";
import type * as React from "react";
import type { UseFormReturn } from "react-hook-form";
import { Eye } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/input";
import type { TNotificationPreview, TPreviewRecord } from "@/lib/outbox/preview";
import type { TTemplateChoice } from "@/lib/notifications/save-setting";
import type { TNotificationSetting, TNotificationSettingInput } from "@/lib/notifications/settings-schema";
import type { TNotificationEvent } from "@/lib/notifications/events";
import { fittingRecord } from "@/lib/notifications/preview-samples";
import { previewNotificationAction } from "./actions";
import type { TFieldOption } from "./template-fields";

type TProps = {
  form: UseFormReturn<TNotificationSettingInput, unknown, TNotificationSetting>;
  idPrefix: string;
  event: TNotificationEvent;
  /** Quote events preview best on a quote, order events on an order: that list comes first. */
  subject: "quote" | "order";
  records: { quotes: TPreviewRecord[]; orders: TPreviewRecord[] };
  templates: TTemplateChoice[];
  fields: TFieldOption[];
};

/** The template's body as the customer reads it: {{1}}, {{2}}, ... replaced by the parameters. */
export function fillTemplateBody(body: string, parameters: string[]): string {
  return body.replace(/\{\{\s*(\d+)\s*\}\}/g, (match, position: string) => parameters[Number(position) - 1] ?? match);
}

/** Shows what the form's current (unsaved) values would send for a real quote or order. */
export function NotificationPreview({ form, idPrefix, event, subject, records, templates, fields }: TProps) {
  const groups = subject === "order" ? [records.orders, records.quotes] : [records.quotes, records.orders];
  // Starts on the newest record the event could have been sent for (a ready order for "order ready").
  const [target, setTarget] = useState(() => {
    const first = fittingRecord(event, records);
    return first ? `${first.kind}:${first.id}` : "";
  });
  const [preview, setPreview] = useState<TNotificationPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function showPreview() {
    setError(null);
    if (!(await form.trigger())) {
      setError("Fix the errors above first: the preview uses what is in the form.");
      return;
    }
    const [kind, id] = target.split(":");
    setLoading(true);
    const result = await previewNotificationAction({ setting: form.getValues(), ...(kind === "order" ? { orderId: id } : { quoteId: id }) }).finally(() => setLoading(false));
    if (result?.data) {
      setPreview(result.data);
      return;
    }
    const validation = result?.validationErrors;
    setError(result?.serverError ?? validation?.formErrors?.[0] ?? Object.values(validation?.fieldErrors ?? {}).flat()[0] ?? "The preview could not be made. Please try again.");
  }

  if (records.quotes.length === 0 && records.orders.length === 0) {
    return <p className="text-sm text-slate-500">There are no quotes or orders yet to preview this message with.</p>;
  }

  const template = preview?.whatsappTemplate ? templates.find((candidate) => candidate.name === preview.whatsappTemplate!.name && candidate.language === preview.whatsappTemplate!.language) : undefined;
  const labelOf = (key: string) => fields.find((field) => field.key === key)?.label ?? key;

  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1 space-y-1.5">
          <Label htmlFor={`${idPrefix}-preview-target`}>Preview with</Label>
          <Select id={`${idPrefix}-preview-target`} value={target} onChange={(event) => setTarget(event.target.value)}>
            {groups.map((group) =>
              group.length ? (
                <optgroup key={group[0]!.kind} label={group[0]!.kind === "order" ? "Orders" : "Quotes"}>
                  {group.map((record) => (
                    <option key={record.id} value={`${record.kind}:${record.id}`}>
                      {record.number} · {record.customerName} ({record.status.replaceAll("_", " ")})
                    </option>
                  ))}
                </optgroup>
              ) : null,
            )}
          </Select>
        </div>
        <Button type="button" variant="outline" onClick={showPreview} disabled={loading || !target}>
          <Eye aria-hidden /> {loading ? "Preparing…" : "Preview"}
        </Button>
      </div>

      {error ? (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      ) : null}

      {preview ? (
        <div className="space-y-3" data-testid={`${idPrefix}-preview`} aria-live="polite">
          <p className="text-sm text-slate-700">
            <span className="font-medium">
              {preview.record.kind === "order" ? "Order" : "Quote"} {preview.record.number} for {preview.record.customerName}:
            </span>{" "}
            {preview.route.channel ? `would go ${preview.route.detail.charAt(0).toLowerCase()}${preview.route.detail.slice(1)}` : `would not be sent. ${preview.route.detail}`}
          </p>
          {preview.missing.length ? (
            <Alert tone="warning" data-testid={`${idPrefix}-preview-samples`}>
              {preview.record.kind === "order" ? "Order" : "Quote"} {preview.record.number} has no value for: {preview.missing.map(labelOf).join(", ")}. The preview shows
              sample values there, marked [sample: …]; sent for this record, those places would be empty (a dash in a template). Choose a record that fits
              the event to see its own values.
            </Alert>
          ) : null}

          <PreviewBlock title="WhatsApp, inside the 24-hour window">
            <p className="rounded-lg bg-emerald-50 p-3 text-sm whitespace-pre-wrap text-slate-900">{preview.whatsappText.body}</p>
          </PreviewBlock>

          <PreviewBlock title="WhatsApp template, outside the window">
            {preview.whatsappTemplate ? (
              <div className="space-y-2 text-sm">
                <p>
                  <Badge>{preview.whatsappTemplate.name}</Badge> <Badge>{preview.whatsappTemplate.language}</Badge>
                </p>
                {template ? <p className="rounded-lg bg-emerald-50 p-3 whitespace-pre-wrap">{fillTemplateBody(template.body, preview.whatsappTemplate.parameters)}</p> : null}
                <ol className="list-inside list-decimal space-y-0.5 text-slate-700">
                  {preview.whatsappTemplate.parameters.map((parameter, index) => (
                    <li key={index}>
                      <span className="font-mono text-xs">{`{{${index + 1}}}`}</span> = {parameter}
                    </li>
                  ))}
                </ol>
                {preview.whatsappTemplate.buttonUrlParameter !== null ? (
                  <p className="break-all text-slate-700">
                    Button link: {template?.buttonUrl ? fillTemplateBody(template.buttonUrl, [preview.whatsappTemplate.buttonUrlParameter]) : preview.whatsappTemplate.buttonUrlParameter}
                  </p>
                ) : null}
              </div>
            ) : (
              <p className="text-sm text-slate-600">No template is chosen: outside the window this message goes by email.</p>
            )}
          </PreviewBlock>

          <PreviewBlock title="Email">
            <p className="text-sm">
              <span className="text-slate-500">Subject:</span> <span className="font-medium">{preview.email.subject}</span>
            </p>
            {/* sandbox="" keeps the email's HTML from running scripts, submitting forms or reaching this page. */}
            <iframe title={`Email preview: ${preview.email.subject}`} sandbox="" srcDoc={preview.email.html} className="h-96 w-full rounded border border-slate-200 bg-white" />
            <details className="text-sm">
              <summary className="cursor-pointer text-slate-600">Plain-text version</summary>
              <pre className="mt-2 whitespace-pre-wrap text-slate-800">{preview.email.text}</pre>
            </details>
          </PreviewBlock>
        </div>
      ) : null}
    </div>
  );
}

function PreviewBlock({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-2">
      <h4 className="text-sm font-semibold text-slate-800">{title}</h4>
      {children}
    </div>
  );
}
