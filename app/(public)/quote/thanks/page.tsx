import type { Metadata } from "next";
import Link from "next/link";
import { CheckCircle2 } from "lucide-react";
import { Card, CardContent } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";

export const metadata: Metadata = { title: "Thank you" };

const NUMBER = /^Q-\d{4}-\d{4,}$/;

export default async function ThanksPage({ searchParams }: PageProps<"/quote/thanks">) {
  const params = await searchParams;
  const number = typeof params.number === "string" && NUMBER.test(params.number) ? params.number : null;
  const channel = params.via === "whatsapp" ? "on WhatsApp" : "by email";
  return (
    <Card>
      <CardContent className="space-y-4 p-6 text-center">
        <CheckCircle2 className="mx-auto size-12 text-emerald-600" aria-hidden />
        <h1 className="text-2xl font-semibold">Thank you!</h1>
        {number ? (
          <>
            <p className="text-slate-700">
              Your quote request number is <strong data-testid="quote-number">{number}</strong>.
            </p>
            <p className="text-slate-600">We will send you a price {channel}, usually within a day. Keep the number handy if you contact us.</p>
          </>
        ) : (
          <p className="text-slate-600">If you sent a quote request, we have it and will be in touch soon.</p>
        )}
        <Link href="/quote" className={buttonVariants({ variant: "outline" })}>
          Request another quote
        </Link>
      </CardContent>
    </Card>
  );
}
