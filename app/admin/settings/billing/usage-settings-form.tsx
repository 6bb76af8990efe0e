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
import { applyActionErrors } from "@/lib/action-errors";
import { RATE_CATEGORIES, categoryLabel } from "@/lib/whatsapp-usage/cost-estimate";
import { ZUsageSettingsSchema, type TUsageSettingsInput } from "@/lib/whatsapp-usage/schema";
import { MESSAGING_LIMIT_TIERS, tierLabel } from "@/lib/whatsapp-usage/tiers";
import { saveUsageSettingsAction } from "./actions";

const FIELDS = ["fallbackTier", ...RATE_CATEGORIES] as const;

export function UsageSettingsForm({ defaults, currency }: { defaults: TUsageSettingsInput; currency: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TUsageSettingsInput>({ resolver: zodResolver(ZUsageSettingsSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: TUsageSettingsInput) {
    setError(null);
    const result = await saveUsageSettingsAction(values);
    if (result?.data) {
      toast.success("Limits and rates saved.");
      router.refresh();
      return;
    }
    setError(applyActionErrors(result, form.setError, FIELDS, "The settings could not be saved. Please try again."));
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" aria-label="Limits and rates">
      {error ? (
        <Alert tone="danger" role="alert" data-testid="usage-settings-error">
          {error}
        </Alert>
      ) : null}
      <FormField id="fallback-tier" label="Messaging limit when Meta's is unknown" hint="Used until the app can read your portfolio's limit from Meta." error={errors.fallbackTier?.message}>
        <Select id="fallback-tier" aria-invalid={!!errors.fallbackTier} {...form.register("fallbackTier")}>
          {MESSAGING_LIMIT_TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {tierLabel(tier)}
              {tier === "TIER_UNLIMITED" ? "" : " customers in 24 hours"}
            </option>
          ))}
        </Select>
      </FormField>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Rate per billable message ({currency})</legend>
        <p className="text-xs text-slate-500">
          From Meta&apos;s rate card for your customers&apos; country. Meta says which messages are billable; leave a field empty when you do not know its rate. Up to six decimals (0.0043).
        </p>
        <div className="grid gap-3 sm:grid-cols-2">
          {RATE_CATEGORIES.map((category) => (
            <FormField key={category} id={`rate-${category}`} label={categoryLabel(category)} error={errors[category]?.message}>
              <Input id={`rate-${category}`} inputMode="decimal" autoComplete="off" placeholder="0.0000" aria-invalid={!!errors[category]} {...form.register(category)} />
            </FormField>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
