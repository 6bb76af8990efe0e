"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import { ADMIN_ROLES, ROLE_LABELS } from "@/lib/roles";
import { ZInviteAdminSchema, type TInviteAdminInput } from "@/lib/admins/schema";
import { applyActionErrors } from "@/lib/action-errors";
import { inviteAdminAction } from "./actions";

export function InviteAdminForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TInviteAdminInput>({ resolver: zodResolver(ZInviteAdminSchema), defaultValues: { email: "", role: "staff" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: TInviteAdminInput) {
    setError(null);
    const result = await inviteAdminAction(values);
    if (result?.data) {
      toast.success(`Invitation sent to ${values.email}.`);
      form.reset();
      router.refresh();
      return;
    }
    setError(applyActionErrors(result, form.setError, ["email", "role"], "The invitation could not be sent. Please try again."));
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-3" aria-label="Invite an admin">
      {error ? (
        <Alert tone="danger" role="alert" data-testid="invite-error">
          {error}
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <FormField id="invite-email" label="Email" error={errors.email?.message}>
          <Input id="invite-email" type="email" autoComplete="off" aria-invalid={!!errors.email} {...form.register("email")} />
        </FormField>
        <FormField id="invite-role" label="Role" error={errors.role?.message}>
          <Select id="invite-role" {...form.register("role")}>
            {ADMIN_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </Select>
        </FormField>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Sending…" : "Send invitation"}
        </Button>
      </div>
    </form>
  );
}
