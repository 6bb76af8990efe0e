import type { Metadata } from "next";
import Link from "next/link";
import { CheckCircle2, Mail, MessageCircle } from "lucide-react";
import { Card, CardContent } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";

export const metadata: Metadata = { title: "Thank you" };

// Only what the form itself links to is shown back; anything else in the URL gets the plain page.
const QUOTE_NUMBER = /^Q-\d{4}-\d{4,}$/;

export default async function ThanksPage({ searchParams }: PageProps<"/quote/thanks">) {
  const params = await searchParams;
  const number = typeof params.number === "string" && QUOTE_NUMBER.test(params.number) ? params.number : null;
  const via = params.via === "whatsapp" || params.via === "email" ? params.via : null;
  const ChannelIcon = via === "whatsapp" ? MessageCircle : Mail;
  const channel = via === "whatsapp" ? "on WhatsApp" : via === "email" ? "by email" : "on the channel you chose";

  return (
    <Card>
      <CardContent className="space-y-5 p-6 text-center sm:p-8">
        <CheckCircle2 className="mx-auto size-12 text-emerald-600" aria-hidden />
        <h1 className="text-2xl font-semibold text-slate-900">Thank you!</h1>
        {number ? (
          <>
            <div>
              <p className="text-slate-700">Your quote request number is</p>
              <p className="mt-1 text-2xl font-semibold tracking-wide whitespace-nowrap text-brand-700" data-testid="quote-number">
                {number}
              </p>
            </div>
            <div className="mx-auto flex max-w-md items-start gap-3 rounded-lg bg-slate-50 p-4 text-left text-sm text-slate-700">
              <ChannelIcon className="mt-0.5 size-5 shrink-0 text-brand-600" aria-hidden />
              <p>
                We will send you a price {channel}, usually within a day. Keep the number handy if you contact us about
                this request.
              </p>
            </div>
          </>
        ) : (
          <p className="text-slate-600">If you sent us a quote request, we have it and will be in touch soon.</p>
        )}
        <Link href="/quote" className={buttonVariants({ variant: "outline" })}>
          Request another quote
        </Link>
      </CardContent>
    </Card>
  );
}
