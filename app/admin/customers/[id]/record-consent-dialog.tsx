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
import { CONSENT_HOW_LIMIT, ZRecordWhatsAppConsentSchema, type TRecordWhatsAppConsent } from "@/lib/customers/preference-schema";
import { recordWhatsAppConsentAction } from "../actions";
import { applyActionErrors } from "@/lib/action-errors";

type TProps = { customerId: string; customerName: string; phone: string; again: boolean };

/**
 * Records WhatsApp consent the customer gave outside the quote form. Asks how they agreed: that
 * sentence is the evidence kept in the consent history.
 */
export function RecordConsentDialog({ customerId, customerName, phone, again }: TProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<TRecordWhatsAppConsent>({ resolver: zodResolver(ZRecordWhatsAppConsentSchema), defaultValues: { customerId, how: "" } });
  const { errors, isSubmitting } = form.formState;

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (next) {
      form.reset({ customerId, how: "" });
      setServerError(null);
    }
  }

  async function onSubmit(values: TRecordWhatsAppConsent) {
    setServerError(null);
    const result = await recordWhatsAppConsentAction(values);
    if (result?.data) {
      toast.success("WhatsApp consent recorded.");
      setOpen(false);
      router.refresh();
      return;
    }
    setServerError(applyActionErrors(result, form.setError, ["how"], "The consent could not be recorded. Please try again."));
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>{again ? "Record new consent" : "Record consent"}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Record WhatsApp consent?</DialogTitle>
        <DialogDescription>
          Only if {customerName} agreed to be messaged on WhatsApp at {phone}, for example on a phone call. From now on their messages may go by WhatsApp.
        </DialogDescription>
        <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="mt-4 space-y-4">
          {serverError ? (
            <Alert tone="danger" role="alert" data-testid="consent-error">
              {serverError}
            </Alert>
          ) : null}
          <FormField id="consent-how" label="How did they agree?" hint="Kept in the consent history, e.g. “Said yes on a call on 3 June”." error={errors.how?.message}>
            <Textarea
              id="consent-how"
              rows={3}
              maxLength={CONSENT_HOW_LIMIT}
              aria-invalid={!!errors.how}
              aria-describedby={errors.how ? "consent-how-error" : "consent-how-hint"}
              {...form.register("how")}
            />
          </FormField>
          <DialogActions cancel="Cancel">
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Saving…" : "Record consent"}
            </Button>
          </DialogActions>
        </form>
      </DialogContent>
    </Dialog>
  );
}
