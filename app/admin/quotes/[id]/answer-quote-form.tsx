"use client";

import { useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input, Textarea } from "@/components/ui/input";
import { ZAnswerQuoteSchema, type TAnswerQuote, type TAnswerQuoteInput } from "@/lib/quotes/answer-schema";
import type { TQuoteStatus } from "@/lib/quotes/status";
import { answerQuoteAction } from "./actions";

type TProps = {
  quoteId: string;
  /** The status the page showed; the answer is refused if the quote changed since. */
  status: TQuoteStatus;
  /** The currency's symbol for the label ("R"), from the business's configuration. */
  currencySymbol: string;
  defaults: { amount: string; message: string };
};

const MESSAGE_LIMIT = 2000;

/** The price and message for the customer; answering again replaces an earlier answer. */
export function AnswerQuoteForm({ quoteId, status, currencySymbol, defaults }: TProps) {
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<TAnswerQuoteInput, unknown, TAnswerQuote>({
    resolver: zodResolver(ZAnswerQuoteSchema),
    defaultValues: { quoteId, ...defaults },
  });
  const { errors, isSubmitting } = form.formState;
  const messageLength = useWatch({ control: form.control, name: "message" })?.length ?? 0;
  const reanswer = status === "quoted";

  // The resolver has checked the values; the action gets them as typed and parses them itself.
  async function onSubmit() {
    setServerError(null);
    const values = form.getValues();
    const result = await answerQuoteAction({ ...values, expectedStatus: status });
    if (result?.data) {
      form.reset(values);
      toast.success(reanswer ? "Answer updated." : "Answer saved. The quote is now quoted.");
      return;
    }
    const fieldErrors = result?.validationErrors?.fieldErrors ?? {};
    for (const [field, messages] of Object.entries(fieldErrors)) {
      if (messages?.[0]) form.setError(field as Path<TAnswerQuoteInput>, { message: messages[0] });
    }
    const formError = result?.validationErrors?.formErrors?.[0];
    setServerError(result?.serverError ?? formError ?? (Object.keys(fieldErrors).length ? null : "The answer could not be saved. Please try again."));
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" aria-label="Answer the quote">
      {serverError ? (
        <Alert tone="danger" role="alert" data-testid="answer-error">
          {serverError}
        </Alert>
      ) : null}
      <FormField id="amount" label={`Price (${currencySymbol})`} hint="For example 1250 or 1 250,50." error={errors.amount?.message}>
        <Input
          id="amount"
          inputMode="decimal"
          autoComplete="off"
          aria-invalid={!!errors.amount}
          aria-describedby={errors.amount ? "amount-error" : "amount-hint"}
          className="max-w-48"
          {...form.register("amount")}
        />
      </FormField>
      <FormField id="message" label="Message to the customer" error={errors.message?.message}>
        <Textarea
          id="message"
          rows={5}
          aria-invalid={!!errors.message}
          aria-describedby={errors.message ? "message-error message-count" : "message-count"}
          {...form.register("message")}
        />
        <p id="message-count" className={messageLength > MESSAGE_LIMIT ? "text-xs text-red-700" : "text-xs text-slate-500"}>
          {messageLength} of {MESSAGE_LIMIT} characters
        </p>
      </FormField>
      <Button type="submit" disabled={isSubmitting} className="w-full sm:w-auto">
        {isSubmitting ? "Saving…" : reanswer ? "Update answer" : "Save answer"}
      </Button>
    </form>
  );
}
