"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { CUSTOMER_LIMITS, ZEditCustomerDetailsSchema, type TEditCustomerDetails } from "@/lib/customers/contact-schema";
import { contactFieldLabel } from "@/lib/customers/contact-fields";
import { editCustomerDetailsAction } from "../actions";
import { applyActionErrors } from "@/lib/action-errors";

type TProps = { customerId: string; defaults: Omit<TEditCustomerDetails, "customerId"> };

type TFieldSpec = {
  name: keyof typeof CUSTOMER_LIMITS;
  label: string;
  hint?: string;
  type: "text" | "email" | "tel";
  inputMode: "text" | "email" | "tel";
};

const FIELDS: readonly TFieldSpec[] = [
  { name: "name", label: "Name", type: "text", inputMode: "text" },
  { name: "email", label: "Email", hint: "Leave empty for none.", type: "email", inputMode: "email" },
  { name: "phone", label: "Phone", hint: "With country code, or a local number, e.g. 082 123 4567. Leave empty for none.", type: "tel", inputMode: "tel" },
];
const FIELD_NAMES = FIELDS.map((field) => field.name);

/**
 * Edits the customer's name, email and phone. Each change is written to the customer's history;
 * an email or phone another customer holds is refused with the way out (merge them).
 */
export function EditDetailsDialog({ customerId, defaults }: TProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<TEditCustomerDetails>({ resolver: zodResolver(ZEditCustomerDetailsSchema), defaultValues: { customerId, ...defaults } });
  const { errors, isSubmitting } = form.formState;

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (next) {
      form.reset({ customerId, ...defaults });
      setServerError(null);
    }
  }

  async function onSubmit(values: TEditCustomerDetails) {
    setServerError(null);
    const result = await editCustomerDetailsAction(values);
    const changed = result?.data?.changed;
    if (changed) {
      if (changed.length) toast.success(`Saved the new ${changed.map(contactFieldLabel).join(", ")}.`);
      else toast.info("Nothing changed: these are the details on record.");
      setOpen(false);
      router.refresh();
      return;
    }
    setServerError(applyActionErrors(result, form.setError, FIELD_NAMES, "The details could not be saved. Please try again."));
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          Edit details
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Edit the customer’s details</DialogTitle>
        <DialogDescription>
          The change is kept in the customer’s history. Their quotes that used the old email or phone follow the new one. A new email or phone is no longer
          verified until the customer proves it.
        </DialogDescription>
        <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="mt-4 space-y-4">
          {serverError ? (
            <Alert tone="danger" role="alert" data-testid="edit-details-error">
              {serverError}
            </Alert>
          ) : null}
          {FIELDS.map(({ name, label, hint, type, inputMode }) => (
            <FormField key={name} id={`edit-${name}`} label={label} hint={hint} error={errors[name]?.message}>
              <Input
                id={`edit-${name}`}
                type={type}
                inputMode={inputMode}
                autoComplete="off"
                maxLength={CUSTOMER_LIMITS[name]}
                aria-invalid={!!errors[name]}
                aria-describedby={errors[name] ? `edit-${name}-error` : hint ? `edit-${name}-hint` : undefined}
                {...form.register(name)}
              />
            </FormField>
          ))}
          <DialogActions cancel="Cancel">
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Saving…" : "Save details"}
            </Button>
          </DialogActions>
        </form>
      </DialogContent>
    </Dialog>
  );
}
