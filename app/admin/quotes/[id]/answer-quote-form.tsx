"use client";

import { useState } from "react";
import { useForm, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input, Textarea } from "@/components/ui/input";
import { ZAnswerQuoteSchema, type TAnswerQuote } from "@/lib/quotes/answer-schema";
import { answerQuoteAction } from "./actions";

export function AnswerQuoteForm({ quoteId, defaults }: { quoteId: string; defaults: { amount: string; message: string } }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TAnswerQuote>({ resolver: zodResolver(ZAnswerQuoteSchema), defaultValues: { quoteId, ...defaults } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: TAnswerQuote) {
    setError(null);
    const result = await answerQuoteAction(values);
    if (result?.data) {
      toast.success("Answer saved. The quote is now quoted.");
      return;
    }
    for (const [field, messages] of Object.entries(result?.validationErrors?.fieldErrors ?? {})) {
      if (messages?.[0]) form.setError(field as Path<TAnswerQuote>, { message: messages[0] });
    }
    setError(result?.serverError ?? "Check the fields below.");
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4">
      {error ? (
        <Alert tone="danger" data-testid="answer-error">
          {error}
        </Alert>
      ) : null}
      <FormField id="amount" label="Price (R)" error={errors.amount?.message}>
        <Input id="amount" inputMode="decimal" placeholder="1 250,00" aria-invalid={!!errors.amount} {...form.register("amount")} />
      </FormField>
      <FormField id="message" label="Message to the customer" error={errors.message?.message}>
        <Textarea id="message" rows={4} aria-invalid={!!errors.message} {...form.register("message")} />
      </FormField>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save answer"}
      </Button>
    </form>
  );
}
