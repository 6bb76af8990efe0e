import type { Metadata } from "next";
import { env } from "@/lib/env";
import { QuoteForm } from "./quote-form";

export const metadata: Metadata = { title: "Request a quote" };

export default function QuotePage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Request a quote</h1>
        <p className="mt-2 text-slate-600">Tell us about the gift you have in mind. We reply with a price, usually within a day.</p>
      </div>
      <QuoteForm businessName={env.BUSINESS_NAME} region={env.DEFAULT_PHONE_REGION} timeZone={env.BUSINESS_TIME_ZONE} />
    </div>
  );
}
