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
import { Textarea } from "@/components/ui/input";
import {
  CONSENT_HOW_LIMIT,
  ZWithdrawWhatsAppConsentSchema,
  type TWithdrawWhatsAppConsent,
  type TWithdrawWhatsAppConsentInput,
} from "@/lib/customers/preference-schema";
import { withdrawWhatsAppConsentAction } from "../actions";
import { applyActionErrors } from "@/lib/action-errors";

type TProps = { customerId: string; customerName: string; hasConsent: boolean };

/** Records that the customer no longer wants WhatsApp messages; asks once before it is made. */
export function WithdrawConsentDialog({ customerId, customerName, hasConsent }: TProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<TWithdrawWhatsAppConsentInput, unknown, TWithdrawWhatsAppConsent>({
    resolver: zodResolver(ZWithdrawWhatsAppConsentSchema),
    defaultValues: { customerId, note: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const title = hasConsent ? "Withdraw WhatsApp consent?" : "Record that they do not want WhatsApp?";

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (next) {
      form.reset({ customerId, note: "" });
      setServerError(null);
    }
  }

  async function onSubmit(values: TWithdrawWhatsAppConsent) {
    setServerError(null);
    const result = await withdrawWhatsAppConsentAction(values);
    if (result?.data) {
      toast.success("Recorded: no more WhatsApp messages to this customer.");
      setOpen(false);
      router.refresh();
      return;
    }
    setServerError(applyActionErrors(result, form.setError, ["note"], "The withdrawal could not be saved. Please try again."));
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline">{hasConsent ? "Withdraw consent" : "Record opt-out"}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>
          Nothing more goes to {customerName} on WhatsApp, automatic or by hand; their messages go by email instead. Only new consent from the customer undoes this.
        </DialogDescription>
        <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="mt-4 space-y-4">
          {serverError ? (
            <Alert tone="danger" role="alert" data-testid="withdraw-error">
              {serverError}
            </Alert>
          ) : null}
          <FormField id="withdraw-note" label="Note for the consent history (optional)" error={errors.note?.message}>
            <Textarea
              id="withdraw-note"
              rows={3}
              maxLength={CONSENT_HOW_LIMIT}
              aria-invalid={!!errors.note}
              aria-describedby={errors.note ? "withdraw-note-error" : undefined}
              {...form.register("note")}
            />
          </FormField>
          <DialogActions cancel="Keep as it is">
            <Button type="submit" variant="destructive" disabled={isSubmitting}>
              {isSubmitting ? "Saving…" : hasConsent ? "Withdraw consent" : "Record opt-out"}
            </Button>
          </DialogActions>
        </form>
      </DialogContent>
    </Dialog>
  );
}
