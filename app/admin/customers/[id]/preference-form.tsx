"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ContactPreference } from "@/components/contact-preference";
import {
  CONTACT_PREFERENCE_LABEL,
  CONTACT_PREFERENCES,
  ZChangeContactPreferenceSchema,
  type TChangeContactPreference,
  type TContactPreference,
} from "@/lib/customers/preference-schema";
import { changeContactPreferenceAction } from "../actions";
import { applyActionErrors } from "@/lib/action-errors";

type TProps = {
  customerId: string;
  /** The preference the page showed; the change is refused if someone changed it since. */
  preference: TContactPreference;
  /** Why a channel cannot be chosen (no number, no address); null when it can. */
  unavailable: Record<TContactPreference, string | null>;
  /** What happens to WhatsApp messages for this customer now (email until consent), or null. */
  whatsappFallback: string | null;
};

/** Email or WhatsApp, with what choosing WhatsApp means while consent is missing. */
export function PreferenceForm({ customerId, preference, unavailable, whatsappFallback }: TProps) {
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<TChangeContactPreference>({
    resolver: zodResolver(ZChangeContactPreferenceSchema),
    defaultValues: { customerId, preference },
  });
  const chosen = useWatch({ control: form.control, name: "preference" });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: TChangeContactPreference) {
    setServerError(null);
    const result = await changeContactPreferenceAction({ ...values, expectedPreference: preference });
    const data = result?.data;
    if (data) {
      const saved = `Preference saved: ${CONTACT_PREFERENCE_LABEL[data.preference]}.`;
      if (data.fallbackReason) toast.warning(`${saved} ${data.fallbackReason}`);
      else toast.success(saved);
      router.refresh();
      return;
    }
    setServerError(applyActionErrors(result, form.setError, ["preference"], "The preference could not be saved. Please try again."));
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-3" aria-label="Contact preference">
      {serverError ? (
        <Alert tone="danger" role="alert" data-testid="preference-error">
          {serverError}
        </Alert>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">How should we contact this customer?</legend>
        <div className="flex flex-wrap gap-2">
          {CONTACT_PREFERENCES.map((value) => {
            const reason = unavailable[value];
            return (
              <label
                key={value}
                className="flex min-h-10 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-checked:border-brand-500 has-checked:bg-brand-50 has-disabled:cursor-not-allowed has-disabled:opacity-60"
              >
                <input type="radio" value={value} disabled={!!reason && value !== preference} aria-describedby={reason ? `preference-${value}-reason` : undefined} {...form.register("preference")} />
                <ContactPreference preference={value} />
              </label>
            );
          })}
        </div>
        {CONTACT_PREFERENCES.map((value) =>
          unavailable[value] ? (
            <p key={value} id={`preference-${value}-reason`} className="text-xs text-slate-500">
              {unavailable[value]}
            </p>
          ) : null,
        )}
        {errors.preference?.message ? <p className="text-sm text-red-700">{errors.preference.message}</p> : null}
      </fieldset>
      {chosen === "whatsapp" && whatsappFallback ? (
        <Alert tone="warning" data-testid="preference-fallback">
          {whatsappFallback}
        </Alert>
      ) : null}
      <Button type="submit" disabled={isSubmitting || chosen === preference} className="w-full sm:w-auto">
        {isSubmitting ? "Saving…" : "Save preference"}
      </Button>
    </form>
  );
}
