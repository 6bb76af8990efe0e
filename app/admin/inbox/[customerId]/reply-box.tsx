"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Send } from "lucide-react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label, Select, Textarea } from "@/components/ui/input";
import { MessageKindChoice } from "@/components/message-kind-choice";
import { WhatsAppTemplateFields } from "@/components/whatsapp-template-fields";
import { ZSendWhatsAppToCustomerSchema } from "@/lib/messages/send-schema";
import type { TTemplateList } from "@/lib/messages/templates";
import { revalidateInboxThread } from "@/lib/swr/use-inbox";
import { useFirstTry } from "@/lib/swr/use-first-try";
import { sendInboxReplyAction } from "./actions";

/** A quote the reply may be about, with what its template parameters would be. */
export type TReplyQuote = {
  id: string;
  label: string;
  /** A positional template's {{1}}, {{2}}, … and a named template's values by name. */
  suggestedParameters: string[];
  suggestedNamed: Record<string, string>;
  suggestedButton: string | null;
};

type TProps = {
  customerId: string;
  windowOpen: boolean;
  /** Usable templates first, then unusable ones with their reason (never Meta's samples). */
  templates: TTemplateList | null;
  /** The template the picker starts on: the first that can be sent. */
  defaultTemplateKey: string;
  quotes: TReplyQuote[];
  defaultQuoteId: string;
  firstName: string;
};

type TResult = { tone: "danger" | "warning"; title: string; detail: string };

/** Free text inside the 24-hour window, an approved template outside it; queued, then followed to Meta's answer. */
export function ReplyBox({ customerId, windowOpen, templates, defaultTemplateKey, quotes, defaultQuoteId, firstName }: TProps) {
  const [quoteId, setQuoteId] = useState(defaultQuoteId);
  const [chosenKind, setKind] = useState<"text" | "template">("text");
  // The window can close while the thread is open: then only a template is offered.
  const kind = windowOpen ? chosenKind : "template";
  const [body, setBody] = useState("");
  const options = templates?.ok ? templates.templates : [];
  const [templateKey, setTemplateKey] = useState(defaultTemplateKey);
  const template = options.find((option) => option.key === templateKey && !option.unusable);
  const [typed, setTyped] = useState<string[]>([]);
  const [button, setButton] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<TResult | null>(null);
  // A fresh key per message: a double click or a resent form queues it once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  const about = quotes.find((quote) => quote.id === quoteId);
  const suggested = (index: number) =>
    template?.format === "NAMED" ? (about?.suggestedNamed ?? { first_name: firstName })[template.bodyParameters[index] ?? ""] : (about?.suggestedParameters ?? [firstName])[index];
  const parameters = Array.from({ length: template?.bodyParameters.length ?? 0 }, (_, index) => typed[index] ?? suggested(index) ?? "");
  const buttonValue = template?.buttonUrl ? (button ?? about?.suggestedButton ?? "") : undefined;

  const [followed, setFollowed] = useState<string | null>(null);
  useFirstTry(followed, (outcome) => {
    setFollowed(null);
    void revalidateInboxThread(customerId);
    if (outcome.ok) {
      toast.success("WhatsApp accepted the reply.");
      return;
    }
    // Uncertain or still queued is not a refusal: it may yet go out, or already has.
    setResult({ tone: outcome.status === "failed" ? "danger" : "warning", title: outcome.title, detail: outcome.action });
  });

  const { execute, isPending } = useAction(sendInboxReplyAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      setFollowed(data.messageId);
      // The next message is a new one; this one shows in the thread at once, queued.
      setIdempotencyKey(crypto.randomUUID());
      setBody("");
      setTyped([]);
      setButton(null);
      void revalidateInboxThread(customerId);
    },
    onError: ({ error }) => {
      setResult({ tone: "danger", title: "Not sent", detail: error.serverError ?? error.validationErrors?.formErrors[0] ?? "Check the message and try again." });
    },
  });
  const sending = isPending || followed !== null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setResult(null);
    const target = { customerId, quoteId: quoteId || undefined, idempotencyKey };
    const input =
      kind === "text"
        ? { kind, ...target, body }
        : { kind, ...target, templateName: template?.name ?? "", language: template?.language ?? "", parameters, buttonParameter: buttonValue };
    const parsed = ZSendWhatsAppToCustomerSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])));
      return;
    }
    setFieldErrors({});
    execute(parsed.data);
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate aria-label="Reply to the customer">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        {windowOpen ? <MessageKindChoice name="reply-kind" kind={kind} onKind={setKind} /> : null}
        {quotes.length ? (
          <div className="flex min-w-0 items-center gap-2">
            <Label htmlFor="reply-about">About</Label>
            <Select id="reply-about" className="w-auto min-w-0" value={quoteId} onChange={(event) => { setQuoteId(event.target.value); setTyped([]); setButton(null); }}>
              <option value="">No quote</option>
              {quotes.map((quote) => (
                <option key={quote.id} value={quote.id}>
                  {quote.label}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
      </div>

      {kind === "text" ? (
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <Label htmlFor="reply-body" className="sr-only">
              Reply
            </Label>
            <Textarea
              id="reply-body"
              rows={2}
              value={body}
              maxLength={4096}
              placeholder="Write a reply…"
              onChange={(event) => setBody(event.target.value)}
              aria-invalid={!!fieldErrors.body}
              aria-describedby={fieldErrors.body ? "reply-body-error" : undefined}
            />
          </div>
          <Button type="submit" disabled={sending}>
            <Send aria-hidden /> {sending ? "Sending…" : "Send"}
          </Button>
        </div>
      ) : templates ? (
        <>
          <WhatsAppTemplateFields
            idPrefix="reply"
            templates={templates}
            templateKey={templateKey}
            onTemplateKey={(key) => { setTemplateKey(key); setTyped([]); setButton(null); }}
            parameters={parameters}
            onParameters={setTyped}
            button={buttonValue}
            onButton={setButton}
            errors={fieldErrors}
          />
          <div className="flex justify-end">
            <Button type="submit" disabled={sending || !template}>
              <Send aria-hidden /> {sending ? "Sending…" : "Send template"}
            </Button>
          </div>
        </>
      ) : null}
      {fieldErrors.body ? (
        <p id="reply-body-error" className="text-sm text-red-700" data-testid="reply-body-error">
          {fieldErrors.body}
        </p>
      ) : null}
      {result ? (
        <Alert tone={result.tone} data-testid="reply-result">
          <p className="font-medium">{result.title}</p>
          <p>{result.detail}</p>
        </Alert>
      ) : null}
    </form>
  );
}
