"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NewPasswordFields } from "@/components/new-password-fields";
import { ZAcceptInviteSchema, ZResetPasswordSchema } from "@/lib/admins/schema";
import { applyActionErrors } from "@/lib/action-errors";
import { acceptInviteAction, resetPasswordAction } from "./actions";
import { AuthForm } from "./auth-form";

type TValues = { token: string; name: string; password: string; confirm: string };

type TProps = { token: string; email: string; mode: "reset" | "invite" };

/** Choose a password from an emailed link: a reset, or an invitation (which also asks a name). */
export function SetPasswordForm({ token, email, mode }: TProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const schema = mode === "invite" ? ZAcceptInviteSchema : ZResetPasswordSchema;
  const form = useForm<TValues>({ resolver: zodResolver(schema as never), defaultValues: { token, name: "", password: "", confirm: "" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: TValues) {
    setError(null);
    const result = mode === "invite" ? await acceptInviteAction(values) : await resetPasswordAction(values);
    if (result?.data) {
      const notice = mode === "invite" ? "invite-accepted" : "password-reset";
      router.replace(`/login?${new URLSearchParams({ notice, email: result.data.email })}`);
      return;
    }
    setError(applyActionErrors(result, form.setError, ["name", "password", "confirm"], "The password could not be saved. Please try again."));
  }

  return (
    <AuthForm onSubmit={form.handleSubmit(onSubmit)} error={error} errorTestId="set-password-error">
      {/* For password managers: which account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <p className="text-sm text-slate-600">
        Account: <span className="font-medium text-slate-900">{email}</span>
      </p>
      {mode === "invite" ? (
        <FormField id="name" label="Your name" error={errors.name?.message}>
          <Input id="name" autoComplete="name" aria-invalid={!!errors.name} {...form.register("name")} />
        </FormField>
      ) : null}
      <NewPasswordFields form={form} />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : mode === "invite" ? "Create my account" : "Set the new password"}
      </Button>
    </AuthForm>
  );
}
