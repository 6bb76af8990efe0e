"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Mail, MessageCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input, Textarea } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { EMPTY_QUOTE_REQUEST, quoteRequestSchema, todayIn, whatsappConsentText, type TQuoteRequest } from "@/lib/quotes/request-schema";
import { submitQuoteAction } from "./actions";

type TQuoteFormProps = { businessName: string; region: string; timeZone: string };

const PREFERENCES = [
  { value: "email", label: "Email", icon: Mail, hint: "We email you the quote." },
  { value: "whatsapp", label: "WhatsApp", icon: MessageCircle, hint: "We message you on WhatsApp." },
] as const;

export function QuoteForm({ businessName, region, timeZone }: TQuoteFormProps) {
  const router = useRouter();
  const schema = useMemo(() => quoteRequestSchema({ region, timeZone }), [region, timeZone]);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TQuoteRequest>({ resolver: zodResolver(schema), defaultValues: EMPTY_QUOTE_REQUEST, mode: "onTouched" });
  const { errors, isSubmitting } = form.formState;
  const preference = useWatch({ control: form.control, name: "contactPreference" });

  async function onSubmit(values: TQuoteRequest) {
    setFormError(null);
    const result = await submitQuoteAction(values);
    if (result?.data) {
      router.push(`/quote/thanks?number=${encodeURIComponent(result.data.number)}&via=${values.contactPreference}`);
      return;
    }
    const fieldErrors = result?.validationErrors?.fieldErrors ?? {};
    for (const [field, messages] of Object.entries(fieldErrors)) {
      if (messages?.[0]) form.setError(field as Path<TQuoteRequest>, { message: messages[0] });
    }
    setFormError(result?.serverError ?? (Object.keys(fieldErrors).length ? "Please check the fields marked below." : "Something went wrong. Please try again."));
  }

  const field = (name: keyof TQuoteRequest) => ({
    id: name,
    "aria-invalid": !!errors[name],
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
    ...form.register(name),
  });

  return (
    <Card>
      <CardContent className="p-5 sm:p-6">
        <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-5">
          {formError ? (
            <Alert tone="danger" role="alert" data-testid="form-error">
              {formError}
            </Alert>
          ) : null}

          <FormField id="name" label="Your name" error={errors.name?.message}>
            <Input autoComplete="name" {...field("name")} />
          </FormField>

          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">How should we contact you?</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              {PREFERENCES.map(({ value, label, icon: Icon, hint }) => (
                <label
                  key={value}
                  className={cn(
                    "flex cursor-pointer items-start gap-3 rounded-lg border p-3 transition-colors",
                    preference === value ? "border-brand-500 bg-brand-50 ring-1 ring-brand-500" : "border-slate-300 bg-white hover:bg-slate-50",
                  )}
                >
                  <input type="radio" value={value} className="mt-1 accent-brand-600" {...form.register("contactPreference")} />
                  <span>
                    <span className="flex items-center gap-2 font-medium">
                      <Icon className="size-4" aria-hidden /> {label}
                    </span>
                    <span className="block text-xs text-slate-500">{hint}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>

          <div className="grid gap-5 sm:grid-cols-2">
            <FormField id="email" label={preference === "email" ? "Email" : "Email (optional)"} error={errors.email?.message}>
              <Input type="email" autoComplete="email" inputMode="email" {...field("email")} />
            </FormField>
            <FormField id="phone" label={preference === "whatsapp" ? "WhatsApp number" : "Phone (optional)"} hint="e.g. 082 123 4567" error={errors.phone?.message}>
              <Input type="tel" autoComplete="tel" inputMode="tel" {...field("phone")} />
            </FormField>
          </div>

          {preference === "whatsapp" ? (
            <div className="space-y-1">
              <label className="flex items-start gap-3 rounded-lg bg-emerald-50 p-3 text-sm text-emerald-950">
                <input type="checkbox" className="mt-0.5 size-4 accent-emerald-600" {...field("whatsappConsent")} />
                <span>{whatsappConsentText(businessName)}</span>
              </label>
              {errors.whatsappConsent ? (
                <p id="whatsappConsent-error" className="text-sm text-red-700" data-testid="whatsappConsent-error">
                  {errors.whatsappConsent.message}
                </p>
              ) : null}
            </div>
          ) : null}

          <FormField id="occasion" label="What is the gift for?" hint="The occasion, who it is for, what you have in mind" error={errors.occasion?.message}>
            <Textarea rows={3} {...field("occasion")} />
          </FormField>

          <div className="grid gap-5 sm:grid-cols-3">
            <FormField id="budget" label="Budget (R)" error={errors.budget?.message}>
              <Input inputMode="decimal" placeholder="750" {...field("budget")} />
            </FormField>
            <FormField id="neededBy" label="Date needed" error={errors.neededBy?.message}>
              <Input type="date" min={todayIn(timeZone)} {...field("neededBy")} />
            </FormField>
            <FormField id="deliveryArea" label="Delivery area" error={errors.deliveryArea?.message}>
              <Input autoComplete="address-level2" placeholder="Suburb or town" {...field("deliveryArea")} />
            </FormField>
          </div>

          <FormField id="notes" label="Anything else? (optional)" error={errors.notes?.message}>
            <Textarea rows={3} {...field("notes")} />
          </FormField>

          {/* Honeypot: people never see or fill this; bots do. */}
          <div aria-hidden="true" className="absolute -left-[9999px] h-0 w-0 overflow-hidden">
            <label htmlFor="website">Website</label>
            <input id="website" tabIndex={-1} autoComplete="off" {...form.register("website")} />
          </div>

          <Button type="submit" size="lg" className="w-full sm:w-auto" disabled={isSubmitting}>
            {isSubmitting ? "Sending…" : "Request my quote"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
