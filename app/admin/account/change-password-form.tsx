"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NewPasswordFields } from "@/components/new-password-fields";
import { ZChangePasswordSchema, type TChangePasswordInput } from "@/lib/admins/schema";
import { applyActionErrors } from "@/lib/action-errors";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TChangePasswordInput>({ resolver: zodResolver(ZChangePasswordSchema), defaultValues: { currentPassword: "", password: "", confirm: "" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: TChangePasswordInput) {
    setError(null);
    const result = await changePasswordAction(values);
    if (!result?.data) {
      setError(applyActionErrors(result, form.setError, ["currentPassword", "password", "confirm"], "The password could not be changed. Please try again."));
      return;
    }
    // The change ended every session, this one too: sign this browser in again with the new password.
    const again = await signIn("credentials", { email: result.data.email, password: values.password, redirect: false });
    if (!again || again.error) {
      router.replace(`/login?${new URLSearchParams({ notice: "password-changed", email: result.data.email })}`);
      return;
    }
    form.reset();
    toast.success("Password changed. Every other session is signed out.");
    router.refresh();
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="max-w-sm space-y-4" aria-label="Change password">
      {error ? (
        <Alert tone="danger" role="alert" data-testid="change-password-error">
          {error}
        </Alert>
      ) : null}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField id="currentPassword" label="Current password" error={errors.currentPassword?.message}>
        <Input id="currentPassword" type="password" autoComplete="current-password" aria-invalid={!!errors.currentPassword} {...form.register("currentPassword")} />
      </FormField>
      <NewPasswordFields form={form} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
