"use client";

import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/** "New password" and "New password again", for any form whose values have `password` and `confirm`. */
export function NewPasswordFields<T extends FieldValues & { password: string; confirm: string }>({ form }: { form: UseFormReturn<T> }) {
  const { errors } = form.formState;
  const message = (name: "password" | "confirm") => errors[name]?.message as string | undefined;
  return (
    <>
      <FormField id="password" label="New password" hint="At least 10 characters." error={message("password")}>
        <Input id="password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...form.register("password" as Path<T>)} />
      </FormField>
      <FormField id="confirm" label="New password again" error={message("confirm")}>
        <Input id="confirm" type="password" autoComplete="new-password" aria-invalid={!!errors.confirm} {...form.register("confirm" as Path<T>)} />
      </FormField>
    </>
  );
}
