"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { ChevronDown, ChevronUp } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input, Textarea } from "@/components/ui/input";
import type { TNotificationSettingValue } from "@/lib/notifications/defaults";
import { eventSubject } from "@/lib/notifications/events";
import type { TPreviewRecord } from "@/lib/outbox/preview";
import type { TTemplateChoice } from "@/lib/notifications/save-setting";
import { ZNotificationSettingSchema, type TNotificationSetting, type TNotificationSettingInput } from "@/lib/notifications/settings-schema";
import { saveNotificationSettingAction } from "./actions";
import { NotificationPreview } from "./notification-preview";
import { TemplateFields, type TFieldOption } from "./template-fields";

type TProps = {
  setting: TNotificationSettingValue;
  label: string;
  templates: TTemplateChoice[];
  fields: TFieldOption[];
  records: { quotes: TPreviewRecord[]; orders: TPreviewRecord[] };
};

const BODY_LIMIT = 4000;

/** Selects and inputs hold "" for "none"; the schema turns it back into null. */
function toFormValues(setting: TNotificationSettingValue): TNotificationSettingInput {
  return {
    ...setting,
    templateName: setting.templateName ?? "",
    templateLanguage: setting.templateLanguage ?? "",
    templateButtonParam: setting.templateButtonParam ?? "",
  };
}

/** One event's automatic message: on/off, the WhatsApp template, the text, and a preview. */
export function NotificationSettingForm({ setting, label, templates, fields, records }: TProps) {
  const router = useRouter();
  const idPrefix = setting.event.replace(/\W/g, "-");
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<TNotificationSettingInput, unknown, TNotificationSetting>({
    resolver: zodResolver(ZNotificationSettingSchema),
    defaultValues: toFormValues(setting),
  });
  const { errors, isSubmitting } = form.formState;
  const enabled = useWatch({ control: form.control, name: "enabled" });
  const bodyLength = useWatch({ control: form.control, name: "body" })?.length ?? 0;
  const emailSubject = useWatch({ control: form.control, name: "emailSubject" });
  const templateName = useWatch({ control: form.control, name: "templateName" });
  const [open, setOpen] = useState(false);
  const expanded = open || form.formState.isDirty || serverError !== null;

  async function onSubmit() {
    setServerError(null);
    const values = form.getValues();
    const result = await saveNotificationSettingAction(values);
    if (result?.data) {
      form.reset(values);
      toast.success(`Saved: ${result.data.label}.`);
      router.refresh();
      return;
    }
    const fieldErrors = result?.validationErrors?.fieldErrors ?? {};
    for (const [field, messages] of Object.entries(fieldErrors)) {
      if (messages?.[0]) form.setError(field as Path<TNotificationSettingInput>, { message: messages[0] });
    }
    const formError = result?.validationErrors?.formErrors?.[0];
    setServerError(result?.serverError ?? formError ?? (Object.keys(fieldErrors).length ? null : "The setting could not be saved. Please try again."));
  }

  return (
    <Card aria-labelledby={`${idPrefix}-title`} data-testid={`notification-${setting.event}`}>
      <CardHeader>
        <div className="min-w-0 flex-1 basis-48">
          <CardTitle id={`${idPrefix}-title`}>{label}</CardTitle>
          <p className="mt-0.5 truncate text-sm text-slate-500" data-testid={`${idPrefix}-summary`}>
            {emailSubject ? `Email: “${emailSubject}”` : "No email subject"} · {templateName ? `WhatsApp template ${templateName}` : "No WhatsApp template"}
          </p>
        </div>
        <label className="flex cursor-pointer items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" role="switch" className="peer sr-only" {...form.register("enabled")} />
          <span
            aria-hidden
            className="relative h-6 w-11 rounded-full bg-slate-300 transition-colors peer-checked:bg-brand-600 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500 after:absolute after:top-0.5 after:left-0.5 after:size-5 after:rounded-full after:bg-white after:transition-transform peer-checked:after:translate-x-5"
          />
          {enabled ? "On" : "Off"}
          <span className="sr-only"> — send “{label}” automatically</span>
        </label>
        <Button type="button" variant="outline" size="sm" aria-expanded={expanded} aria-controls={`${idPrefix}-content`} onClick={() => setOpen(!expanded)}>
          {expanded ? <ChevronUp aria-hidden /> : <ChevronDown aria-hidden />}
          {expanded ? "Close" : "Edit"}
          <span className="sr-only"> “{label}”</span>
        </Button>
      </CardHeader>
      {/* Closed by default: nine events' full editors made the page 9,200 px long. A change keeps it open
          (the switch too), so its Save button is never hidden. */}
      <CardContent id={`${idPrefix}-content`} hidden={!expanded}>
        <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" aria-label={`${label} message`}>
          {serverError ? (
            <Alert tone="danger" role="alert">
              {serverError}
            </Alert>
          ) : null}
          {enabled ? null : <p className="text-sm text-slate-600">Off: nothing is sent to the customer for this event.</p>}

          <TemplateFields form={form} idPrefix={idPrefix} templates={templates} fields={fields} />

          <FormField id={`${idPrefix}-subject`} label="Email subject" error={errors.emailSubject?.message}>
            <Input id={`${idPrefix}-subject`} autoComplete="off" aria-invalid={!!errors.emailSubject} {...form.register("emailSubject")} />
          </FormField>
          <FormField id={`${idPrefix}-body`} label="Message (the email, and the WhatsApp text inside the 24-hour window)" error={errors.body?.message}>
            <Textarea id={`${idPrefix}-body`} rows={8} aria-invalid={!!errors.body} aria-describedby={`${idPrefix}-body-count`} {...form.register("body")} />
            <p id={`${idPrefix}-body-count`} className={bodyLength > BODY_LIMIT ? "text-xs text-red-700" : "text-xs text-slate-500"}>
              {bodyLength} of {BODY_LIMIT.toLocaleString("en")} characters
            </p>
          </FormField>
          <details className="rounded-md border border-slate-200 px-3 py-2 text-sm">
            <summary className="cursor-pointer font-medium text-slate-700">Fields you can use, like {"{{customer.firstName}}"}</summary>
            <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
              {fields.map((field) => (
                <div key={field.key} className="contents">
                  <dt className="font-mono text-xs break-all text-slate-800 sm:text-sm">{`{{${field.key}}}`}</dt>
                  <dd className="mb-1 text-slate-600 sm:mb-0">{field.label}</dd>
                </div>
              ))}
            </dl>
          </details>

          <Button type="submit" disabled={isSubmitting} className="w-full sm:w-auto">
            {isSubmitting ? "Saving…" : "Save"}
          </Button>

          <section aria-label="Preview" className="space-y-2 border-t border-slate-100 pt-4">
            <h3 className="text-sm font-semibold text-slate-900">Preview</h3>
            <NotificationPreview
              form={form}
              idPrefix={idPrefix}
              event={setting.event}
              subject={eventSubject(setting.event)}
              records={records}
              templates={templates}
              fields={fields}
            />
          </section>
        </form>
      </CardContent>
    </Card>
  );
}
