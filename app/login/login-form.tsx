"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { ZTextSchema } from "@/lib/zod/text";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { AuthForm } from "./auth-form";

const ZLoginSchema = z.object({
  email: z.email("Enter the email address of your admin account."),
  password: ZTextSchema.min(1, "Enter your password."),
});
type TLogin = z.infer<typeof ZLoginSchema>;

export function LoginForm({ callbackUrl, defaultEmail = "" }: { callbackUrl: string; defaultEmail?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TLogin>({ resolver: zodResolver(ZLoginSchema), defaultValues: { email: defaultEmail, password: "" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: TLogin) {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Sign-in failed. Try again.");
      return;
    }
    // Checked again here: the prop is only as safe as the page that passed it.
    router.replace(safeCallbackPath(callbackUrl));
    router.refresh();
  }

  return (
    <AuthForm onSubmit={form.handleSubmit(onSubmit)} error={error} errorTestId="login-error">
      <FormField id="email" label="Email" error={errors.email?.message}>
        <Input id="email" type="email" autoComplete="username" aria-invalid={!!errors.email} {...form.register("email")} />
      </FormField>
      <FormField id="password" label="Password" error={errors.password?.message}>
        <Input id="password" type="password" autoComplete="current-password" aria-invalid={!!errors.password} {...form.register("password")} />
      </FormField>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </AuthForm>
  );
}
