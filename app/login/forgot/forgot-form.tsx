"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ZResetRequestSchema } from "@/lib/admins/schema";
import { applyActionErrors } from "@/lib/action-errors";
import { requestPasswordResetAction } from "../actions";
import { AuthForm } from "../auth-form";

type TResetRequest = z.infer<typeof ZResetRequestSchema>;

export function ForgotForm() {
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TResetRequest>({ resolver: zodResolver(ZResetRequestSchema), defaultValues: { email: "" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: TResetRequest) {
    setError(null);
    const result = await requestPasswordResetAction(values);
    if (result?.data) {
      setSent(result.data.message);
      return;
    }
    setError(applyActionErrors(result, form.setError, ["email"], "The link could not be sent. Please try again."));
  }

  if (sent) {
    return (
      <Alert tone="success" data-testid="reset-requested">
        {sent}
      </Alert>
    );
  }
  return (
    <AuthForm onSubmit={form.handleSubmit(onSubmit)} error={error} errorTestId="reset-error">
      <FormField id="email" label="Email" error={errors.email?.message}>
        <Input id="email" type="email" autoComplete="username" aria-invalid={!!errors.email} {...form.register("email")} />
      </FormField>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Sending…" : "Email me a link"}
      </Button>
    </AuthForm>
  );
}
