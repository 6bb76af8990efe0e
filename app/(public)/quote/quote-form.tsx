"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2, Mail, MessageCircle } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input, Textarea } from "@/components/ui/input";
import { todayIn } from "@/lib/calendar";
import { cn } from "@/lib/cn";
import {
  EMPTY_QUOTE_REQUEST,
  QUOTE_REQUEST_LIMITS as LIMITS,
  quoteRequestSchema,
  whatsappConsentText,
  type TQuoteRequest,
} from "@/lib/quotes/request-schema";
import { submitQuoteAction } from "./actions";

/** Everything from configuration arrives as props: env is server-only. */
type TQuoteFormProps = { businessName: string; region: string; timeZone: string; currencySymbol: string };

type TField = keyof TQuoteRequest;

const PREFERENCES = [
  { value: "email", label: "Email", icon: Mail, hint: "We email you the quote.", iconClassName: "bg-sky-50 text-sky-700" },
  { value: "whatsapp", label: "WhatsApp", icon: MessageCircle, hint: "We message you on WhatsApp.", iconClassName: "bg-emerald-50 text-emerald-700" },
] as const;

const HINTS: Partial<Record<TField, string>> = {
  phone: "e.g. 082 123 4567",
  occasion: "The occasion, who it is for, and anything you have in mind.",
};

const NETWORK_ERROR = "We could not reach our server. Check your connection and try again.";
const FIELDS_ERROR = "Please check the fields marked above.";
const UNEXPECTED_ERROR = "Something went wrong on our side. Nothing was saved; please try again.";

export function QuoteForm({ businessName, region, timeZone, currencySymbol }: TQuoteFormProps) {
  const router = useRouter();
  const schema = useMemo(() => quoteRequestSchema({ region, timeZone }), [region, timeZone]);
  const form = useForm<TQuoteRequest>({ resolver: zodResolver(schema), defaultValues: EMPTY_QUOTE_REQUEST, mode: "onTouched" });
  const { errors, isSubmitting, isSubmitted } = form.formState;
  const preference = useWatch({ control: form.control, name: "contactPreference" });
  const [formError, setFormError] = useState<string | null>(null);
  // Stays true while the thank-you page loads, so the button cannot send the request twice.
  const [sent, setSent] = useState(false);

  async function onSubmit(values: TQuoteRequest) {
    setFormError(null);
    let result: Awaited<ReturnType<typeof submitQuoteAction>>;
    try {
      result = await submitQuoteAction(values);
    } catch {
      setFormError(NETWORK_ERROR);
      return;
    }
    if (result?.data) {
      setSent(true);
      router.push(`/quote/thanks?number=${encodeURIComponent(result.data.number)}&via=${values.contactPreference}`);
      return;
    }
    // The server checks with the same schema; its field messages go next to the fields.
    const fieldErrors = result?.validationErrors?.fieldErrors ?? {};
    Object.entries(fieldErrors).forEach(([name, messages], index) => {
      if (messages?.[0]) form.setError(name as Path<TQuoteRequest>, { message: messages[0] }, { shouldFocus: index === 0 });
    });
    setFormError(result?.serverError ?? (Object.keys(fieldErrors).length ? FIELDS_ERROR : UNEXPECTED_ERROR));
  }

  /** Registration plus the ids that tie a control to its hint or error for screen readers. */
  const field = (name: TField) => ({
    id: name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : HINTS[name] ? `${name}-hint` : undefined,
    ...form.register(name),
  });

  // Which contact fields are required depends on the preference: after a first send, switching
  // re-checks them so a message about the other channel does not linger.
  const preferenceField = form.register("contactPreference", {
    onChange: () => (isSubmitted ? form.trigger(["email", "phone", "whatsappConsent"]) : undefined),
  });
  const whatsapp = preference === "whatsapp";
  const busy = isSubmitting || sent;

  return (
    <Card>
      <CardContent className="p-5 sm:p-8">
        <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-8">
          <section className="space-y-5" aria-labelledby="about-you">
            <h2 id="about-you" className="text-sm font-semibold tracking-wide text-brand-700 uppercase">
              About you
            </h2>

            <FormField id="name" label="Your name" error={errors.name?.message}>
              <Input autoComplete="name" maxLength={LIMITS.name} {...field("name")} />
            </FormField>

            <fieldset className="space-y-2">
              <legend className="mb-2 text-sm font-medium text-slate-800">How should we contact you?</legend>
              <div className="grid gap-3 sm:grid-cols-2">
                {PREFERENCES.map(({ value, label, icon: Icon, hint, iconClassName }) => (
                  <label
                    key={value}
                    className={cn(
                      "flex cursor-pointer items-center gap-3 rounded-lg border p-3 transition-colors has-focus-visible:ring-2 has-focus-visible:ring-brand-500",
                      preference === value ? "border-brand-500 bg-brand-50 ring-1 ring-brand-500" : "border-slate-300 bg-white hover:bg-slate-50",
                    )}
                  >
                    <input
                      type="radio"
                      value={value}
                      // Checked in the server-rendered HTML too, before react-hook-form takes over.
                      defaultChecked={value === EMPTY_QUOTE_REQUEST.contactPreference}
                      className="size-4 shrink-0 accent-brand-600"
                      {...preferenceField}
                    />
                    <span className={cn("flex size-9 shrink-0 items-center justify-center rounded-full", iconClassName)}>
                      <Icon className="size-5" aria-hidden />
                    </span>
                    <span className="min-w-0">
                      <span className="block font-medium text-slate-900">{label}</span>
                      <span className="block text-xs text-slate-500">{hint}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>

            <div className="grid gap-5 sm:grid-cols-2">
              <FormField id="email" label={whatsapp ? "Email (optional)" : "Email"} error={errors.email?.message}>
                <Input type="email" autoComplete="email" inputMode="email" maxLength={LIMITS.email} {...field("email")} />
              </FormField>
              <FormField id="phone" label={whatsapp ? "WhatsApp number" : "Phone (optional)"} hint={HINTS.phone} error={errors.phone?.message}>
                <Input type="tel" autoComplete="tel" inputMode="tel" maxLength={LIMITS.phone} {...field("phone")} />
              </FormField>
            </div>

            {whatsapp ? (
              <div className="space-y-1.5">
                <label
                  className={cn(
                    "flex cursor-pointer items-start gap-3 rounded-lg border p-3 text-sm",
                    errors.whatsappConsent ? "border-red-300 bg-red-50 text-red-950" : "border-emerald-200 bg-emerald-50 text-emerald-950",
                  )}
                >
                  <input type="checkbox" className="mt-0.5 size-4 shrink-0 accent-emerald-600" {...field("whatsappConsent")} />
                  <span>{whatsappConsentText(businessName)}</span>
                </label>
                {errors.whatsappConsent ? (
                  <p id="whatsappConsent-error" className="text-sm text-red-700" data-testid="whatsappConsent-error">
                    {errors.whatsappConsent.message}
                  </p>
                ) : null}
              </div>
            ) : null}
          </section>

          <section className="space-y-5" aria-labelledby="about-the-gift">
            <div>
              <h2 id="about-the-gift" className="text-sm font-semibold tracking-wide text-brand-700 uppercase">
                About the gift
              </h2>
              <p className="mt-1 text-sm text-slate-500">Only the first question is required; the rest helps us quote faster.</p>
            </div>

            <FormField id="occasion" label="What is the gift for?" hint={HINTS.occasion} error={errors.occasion?.message}>
              <Textarea rows={3} maxLength={LIMITS.occasion} {...field("occasion")} />
            </FormField>

            <div className="grid gap-5 sm:grid-cols-2">
              <FormField id="budget" label={`Budget (${currencySymbol})`} error={errors.budget?.message}>
                <Input inputMode="decimal" placeholder="750" maxLength={LIMITS.budget} {...field("budget")} />
              </FormField>
              <FormField id="neededBy" label="Date needed" error={errors.neededBy?.message}>
                <Input type="date" min={todayIn(timeZone)} {...field("neededBy")} />
              </FormField>
            </div>

            <FormField id="deliveryArea" label="Delivery area" error={errors.deliveryArea?.message}>
              <Input autoComplete="address-level2" placeholder="Suburb or town" maxLength={LIMITS.deliveryArea} {...field("deliveryArea")} />
            </FormField>

            <FormField id="notes" label="Anything else?" error={errors.notes?.message}>
              <Textarea rows={3} maxLength={LIMITS.notes} {...field("notes")} />
            </FormField>
          </section>

          {/* Honeypot: off screen and out of the tab order, so people never fill it; bots do. */}
          <div aria-hidden="true" className="absolute -left-[9999px] h-0 w-0 overflow-hidden">
            <label htmlFor="website">Website</label>
            <input id="website" type="text" tabIndex={-1} autoComplete="off" {...form.register("website")} />
          </div>

          <div className="space-y-4 border-t border-slate-100 pt-6">
            {/* Beside the button, where the customer is when the answer comes back. */}
            {formError ? (
              <Alert tone="danger" role="alert" data-testid="form-error">
                {formError}
              </Alert>
            ) : null}
            <div className="flex sm:justify-end">
                <Button type="submit" size="lg" className="w-full sm:w-auto" disabled={busy}>
                {busy ? <Loader2 className="animate-spin" aria-hidden /> : null}
                {busy ? "Sending…" : "Request my quote"}
              </Button>
            </div>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
