"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { MessageCircle } from "lucide-react";
import { toast } from "sonner";
import { revalidateQuoteMessages } from "@/lib/swr/use-quote-messages";
import { useFirstTry } from "@/lib/swr/use-first-try";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { MessageKindChoice } from "@/components/message-kind-choice";
import { Input, Select, Textarea } from "@/components/ui/input";
import { ZSendWhatsAppSchema } from "@/lib/messages/send-schema";
import type { TTemplateList } from "@/lib/messages/templates";
import { templateOptionLabel } from "@/lib/templates/choices";
import { TemplateNotices } from "@/components/template-notices";
import { sendWhatsAppAction } from "./whatsapp-actions";

type TSendWhatsAppDialogProps = {
  quoteId: string;
  windowOpen: boolean;
  windowText: string;
  /** Usable templates first, then unusable ones with their reason (never Meta's samples). */
  templates: TTemplateList;
  /** The event's template ("name|language"), when it can be sent; else the first that can. */
  defaultTemplateKey: string;
  /** "name|language" → the time it last went to this customer within the last hour. */
  recentSends: Record<string, string>;
  suggestedParameters: string[];
  /** Values for a named template's parameters, by name (first_name, quote_number, …). */
  suggestedNamed: Record<string, string>;
  /** The quote's open accept link (q/<token>), for a template whose link button ends in a parameter. */
  suggestedButton?: string;
};

export function SendWhatsAppDialog({
  quoteId,
  windowOpen,
  windowText,
  templates,
  defaultTemplateKey,
  recentSends,
  suggestedParameters,
  suggestedNamed,
  suggestedButton,
}: TSendWhatsAppDialogProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<"text" | "template">(windowOpen ? "text" : "template");
  const [body, setBody] = useState("");
  const options = templates.ok ? templates.templates : [];
  const [templateKey, setTemplateKey] = useState(defaultTemplateKey);
  const template = options.find((option) => option.key === templateKey && !option.unusable);
  const recentlyAt = template ? recentSends[template.key] : undefined;
  const [parameters, setParameters] = useState<string[]>([]);
  const [button, setButton] = useState<string | null>(null);
  const buttonValue = template?.buttonUrl ? (button ?? suggestedButton ?? "") : undefined;
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ tone: "success" | "danger" | "warning"; title: string; detail: string } | null>(null);
  // A fresh key per opening of the dialog: a double click or a resent form sends once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  const parameterValues = useMemo(
    () =>
      (template?.bodyParameters ?? []).map(
        (name, index) => parameters[index] ?? (template?.format === "NAMED" ? suggestedNamed[name] : suggestedParameters[Number(name) - 1]) ?? "",
      ),
    [template, parameters, suggestedParameters, suggestedNamed],
  );

  // The action only queues; the dialog then follows the message's first try.
  const [followed, setFollowed] = useState<string | null>(null);
  useFirstTry(followed, (outcome) => {
    setFollowed(null);
    if (outcome.ok) {
      toast.success("WhatsApp accepted the message.");
      setResult({ tone: "success", title: "Accepted by WhatsApp", detail: `Message id ${outcome.wamid}. Delivery updates appear in the message history.` });
      setOpen(false);
    } else {
      // Uncertain or still queued is not a refusal: it may yet go out, or already has.
      setResult({ tone: outcome.status === "failed" ? "danger" : "warning", title: outcome.title, detail: outcome.action });
    }
    void revalidateQuoteMessages(quoteId);
    router.refresh();
  });

  const { execute, isPending } = useAction(sendWhatsAppAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      setFollowed(data.messageId);
      void revalidateQuoteMessages(quoteId);
    },
    onError: ({ error }) => {
      const first = error.validationErrors?.formErrors[0];
      setResult({ tone: "danger", title: "Not sent", detail: error.serverError ?? first ?? "Check the message and try again." });
    },
  });

  const sending = isPending || followed !== null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setResult(null);
    const input =
      kind === "text"
        ? { kind, quoteId, idempotencyKey, body }
        : {
            kind,
            quoteId,
            idempotencyKey,
            templateName: template?.name ?? "",
            language: template?.language ?? "",
            parameters: parameterValues,
            buttonParameter: buttonValue,
          };
    const parsed = ZSendWhatsAppSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])));
      return;
    }
    setFieldErrors({});
    execute(parsed.data);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setIdempotencyKey(crypto.randomUUID());
          setResult(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <MessageCircle aria-hidden /> Send WhatsApp
        </Button>
      </DialogTrigger>
      {result && !open ? (
        <Alert tone={result.tone} className="mt-3" data-testid="send-result">
          <p className="font-medium">{result.title}</p>
          <p>{result.detail}</p>
        </Alert>
      ) : null}
      <DialogContent>
        <DialogTitle>Send a WhatsApp message</DialogTitle>
        <DialogDescription>{windowText}</DialogDescription>
        <form onSubmit={submit} className="mt-4 space-y-4" noValidate>
          {windowOpen ? <MessageKindChoice name="kind" kind={kind} onKind={setKind} /> : null}

          {kind === "text" ? (
            <FormField id="whatsapp-body" label="Message" error={fieldErrors.body}>
              <Textarea id="whatsapp-body" value={body} maxLength={4096} onChange={(event) => setBody(event.target.value)} aria-invalid={!!fieldErrors.body} />
            </FormField>
          ) : !templates.ok ? (
            <Alert tone="danger" data-testid="templates-error">
              <p className="font-medium">Templates could not be loaded: {templates.title}</p>
              <p>{templates.action}</p>
            </Alert>
          ) : (
            <>
              <FormField id="whatsapp-template" label="Approved template" error={fieldErrors.templateName}>
                <Select
                  id="whatsapp-template"
                  value={templateKey}
                  onChange={(event) => {
                    setTemplateKey(event.target.value);
                    setParameters([]);
                    setButton(null);
                  }}
                >
                  {template ? null : <option value="">Choose a template…</option>}
                  {options.map((option) => (
                    // A template WhatsApp would refuse is listed, greyed, with what is wrong.
                    <option key={option.key} value={option.key} disabled={!!option.unusable}>
                      {templateOptionLabel(option)}
                    </option>
                  ))}
                </Select>
              </FormField>
              <TemplateNotices options={options} template={template} recentlyAt={recentlyAt} />
              {template?.body ? <p className="rounded bg-slate-50 p-3 text-sm whitespace-pre-wrap text-slate-700">{template.body}</p> : null}
              {parameterValues.map((value, index) => (
                <FormField key={index} id={`whatsapp-param-${index + 1}`} label={`Parameter {{${template?.bodyParameters[index] ?? index + 1}}}`} error={fieldErrors[`parameters.${index}`]}>
                  <Input
                    id={`whatsapp-param-${index + 1}`}
                    value={value}
                    onChange={(event) => setParameters(parameterValues.map((old, position) => (position === index ? event.target.value : old)))}
                  />
                </FormField>
              ))}
              {template?.buttonUrl ? (
                <FormField
                  id="whatsapp-button"
                  label="Link button ending"
                  hint={`The button opens ${template.buttonUrl.replace("{{1}}", buttonValue || "…")}`}
                  error={fieldErrors.buttonParameter}
                >
                  <Input id="whatsapp-button" value={buttonValue ?? ""} onChange={(event) => setButton(event.target.value)} />
                </FormField>
              ) : null}
            </>
          )}

          {result && open ? (
            <Alert tone={result.tone} data-testid="send-error">
              <p className="font-medium">{result.title}</p>
              <p>{result.detail}</p>
            </Alert>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button type="submit" disabled={sending || (kind === "template" && !template)}>
              {sending ? "Sending…" : "Send"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
