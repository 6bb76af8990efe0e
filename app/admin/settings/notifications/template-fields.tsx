"use client";

import type * as React from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/input";
import type { TNotificationSetting, TNotificationSettingInput } from "@/lib/notifications/settings-schema";
import type { TTemplateChoice } from "@/lib/notifications/save-setting";

export type TFieldOption = { key: string; label: string };

type TProps = {
  form: UseFormReturn<TNotificationSettingInput, unknown, TNotificationSetting>;
  idPrefix: string;
  templates: TTemplateChoice[];
  fields: TFieldOption[];
};

// One select holds both name and language (a template exists once per language).
const templateKey = (name: string | null | undefined, language: string | null | undefined) => (name ? `${name}|${language ?? ""}` : "");

/** The WhatsApp template used outside the 24-hour window, and which field fills each of its parameters. */
export function TemplateFields({ form, idPrefix, templates, fields }: TProps) {
  const name = useWatch({ control: form.control, name: "templateName" });
  const language = useWatch({ control: form.control, name: "templateLanguage" });
  const params = useWatch({ control: form.control, name: "templateParams" }) ?? [];
  const chosen = templates.find((template) => template.name === name && template.language === language);
  const { errors } = form.formState;
  const selectedKey = templateKey(name, language);
  // A saved template that is no longer approved (or could not be loaded) stays visible, so
  // saving the email text does not silently drop it; the server says what is wrong with it.
  const unlisted = name && !chosen ? selectedKey : null;

  function chooseTemplate(key: string) {
    const template = templates.find((candidate) => templateKey(candidate.name, candidate.language) === key);
    form.setValue("templateName", template?.name ?? "", { shouldDirty: true });
    form.setValue("templateLanguage", template?.language ?? "", { shouldDirty: true });
    // Keep the fields already mapped to {{1}}, {{2}}, ... and add empty selects for the rest.
    const count = template?.bodyParameters ?? 0;
    form.setValue("templateParams", Array.from({ length: count }, (_, index) => params[index] ?? ""), { shouldDirty: true });
    if (!template?.buttonParameters) form.setValue("templateButtonParam", "", { shouldDirty: true });
    form.clearErrors(["templateName", "templateLanguage", "templateParams", "templateButtonParam"]);
  }

  return (
    <div className="space-y-3">
      <FormField
        id={`${idPrefix}-template`}
        label="WhatsApp template (outside the 24-hour window)"
        hint="None: outside the window the message goes by email instead."
        error={errors.templateName?.message ?? errors.templateLanguage?.message}
      >
        <Select id={`${idPrefix}-template`} value={selectedKey} onChange={(event) => chooseTemplate(event.target.value)}>
          <option value="">None</option>
          {templates.map((template) => (
            <option key={templateKey(template.name, template.language)} value={templateKey(template.name, template.language)}>
              {template.name} ({template.language})
            </option>
          ))}
          {unlisted ? (
            <option value={unlisted}>
              {name} ({language}) — not in the approved list
            </option>
          ) : null}
        </Select>
      </FormField>

      {chosen ? (
        <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
          <p className="text-sm whitespace-pre-wrap text-slate-800" data-testid={`${idPrefix}-template-body`}>
            {chosen.body || "(no body text)"}
          </p>
          <p className="text-xs text-slate-600">
            Needs {chosen.bodyParameters} {chosen.bodyParameters === 1 ? "parameter" : "parameters"}
            {chosen.buttonParameters ? ` and one for its link button (${chosen.buttonUrl})` : ""}.
          </p>
          {params.map((_, index) => (
            <FormField key={index} id={`${idPrefix}-param-${index}`} label={`{{${index + 1}}} is filled with`} error={errors.templateParams?.[index]?.message}>
              <FieldSelect id={`${idPrefix}-param-${index}`} fields={fields} invalid={!!errors.templateParams?.[index]} {...form.register(`templateParams.${index}`)} />
            </FormField>
          ))}
          {chosen.buttonParameters ? (
            <FormField
              id={`${idPrefix}-button`}
              label="The link button's address ends with"
              hint="For the accept link use the link path field."
              error={errors.templateButtonParam?.message}
            >
              <FieldSelect id={`${idPrefix}-button`} fields={fields} invalid={!!errors.templateButtonParam} {...form.register("templateButtonParam")} />
            </FormField>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

type TFieldSelectProps = React.ComponentProps<typeof Select> & { fields: TFieldOption[]; invalid: boolean };

function FieldSelect({ fields, invalid, ...props }: TFieldSelectProps) {
  return (
    <Select aria-invalid={invalid} {...props}>
      <option value="">Choose a field…</option>
      {fields.map((field) => (
        <option key={field.key} value={field.key}>
          {field.label} ({field.key})
        </option>
      ))}
    </Select>
  );
}
