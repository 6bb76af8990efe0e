import type { Metadata } from "next";
import { env } from "@/lib/env";
import { QuoteForm } from "./quote-form";

export const metadata: Metadata = { title: "Request a quote" };

// Rendered per request, not at build time: the business's name, region and currency come from
// configuration at start-up, and the date picker's earliest day must be today.
export const dynamic = "force-dynamic";

/** "R" for rand in en-ZA: the budget label follows the configured currency and locale. */
function currencySymbol(): string {
  const parts = new Intl.NumberFormat(env.BUSINESS_LOCALE, { style: "currency", currency: env.BUSINESS_CURRENCY }).formatToParts(0);
  return parts.find((part) => part.type === "currency")?.value ?? env.BUSINESS_CURRENCY;
}

export default function QuotePage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">Request a quote</h1>
        <p className="mt-2 text-slate-600">Tell us about the gift you have in mind, and we will reply with a price on the channel you choose.</p>
      </div>
      <QuoteForm
        businessName={env.BUSINESS_NAME}
        region={env.DEFAULT_PHONE_REGION}
        timeZone={env.BUSINESS_TIME_ZONE}
        currencySymbol={currencySymbol()}
      />
    </div>
  );
}
