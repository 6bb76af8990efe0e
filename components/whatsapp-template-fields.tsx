"use client";

import { Alert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import { TemplateNotices } from "@/components/template-notices";
import { fillTemplate } from "@/lib/inbox/template-preview";
import type { TTemplateList } from "@/lib/messages/templates";
import { templateOptionLabel } from "@/lib/templates/choices";

type TProps = {
  idPrefix: string;
  templates: TTemplateList;
  templateKey: string;
  onTemplateKey: (key: string) => void;
  parameters: string[];
  onParameters: (values: string[]) => void;
  /** The link button's ending, when the chosen template's button takes one. */
  button: string | undefined;
  onButton: (value: string) => void;
  errors: Record<string, string>;
};

/**
 * The template picker: a template that can be sent (those that cannot are listed, disabled, with
 * what is wrong), its flags, its parameters (a named template's by name), and the message as the
 * customer will read it.
 */
export function WhatsAppTemplateFields({ idPrefix, templates, templateKey, onTemplateKey, parameters, onParameters, button, onButton, errors }: TProps) {
  if (!templates.ok) {
    return (
      <Alert tone="danger" data-testid="templates-error">
        <p className="font-medium">Templates could not be loaded: {templates.title}</p>
        <p>{templates.action}</p>
      </Alert>
    );
  }
  const template = templates.templates.find((option) => option.key === templateKey && !option.unusable);
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="space-y-3">
      <FormField id={id("template")} label="Approved template" error={errors.templateName}>
        <Select id={id("template")} value={templateKey} onChange={(event) => onTemplateKey(event.target.value)}>
          {template ? null : <option value="">Choose a template…</option>}
          {templates.templates.map((option) => (
            <option key={option.key} value={option.key} disabled={!!option.unusable}>
              {templateOptionLabel(option)}
            </option>
          ))}
        </Select>
      </FormField>
      <TemplateNotices options={templates.templates} template={template} />
      {template?.body ? (
        <figure className="rounded bg-slate-50 p-3 text-sm text-slate-700">
          <figcaption className="text-xs font-medium text-slate-500">What the customer will read</figcaption>
          <p className="whitespace-pre-wrap" data-testid="template-preview">
            {fillTemplate(template.body, parameters)}
          </p>
        </figure>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {parameters.map((value, index) => (
          <FormField key={index} id={id(`param-${index + 1}`)} label={`Parameter {{${template?.bodyParameters[index] ?? index + 1}}}`} error={errors[`parameters.${index}`]}>
            <Input
              id={id(`param-${index + 1}`)}
              value={value}
              onChange={(event) => onParameters(parameters.map((old, position) => (position === index ? event.target.value : old)))}
            />
          </FormField>
        ))}
      </div>
      {template?.buttonUrl ? (
        <FormField id={id("button")} label="Link button ending" hint={`The button opens ${template.buttonUrl.replace("{{1}}", button || "…")}`} error={errors.buttonParameter}>
          <Input id={id("button")} value={button ?? ""} onChange={(event) => onButton(event.target.value)} />
        </FormField>
      ) : null}
    </div>
  );
}
