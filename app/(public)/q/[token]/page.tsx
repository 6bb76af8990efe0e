import type { Metadata } from "next";
import { CheckCircle2, Clock, HelpCircle, XCircle } from "lucide-react";
import { Card, CardContent } from "@/components/ui/card";
import { formatCalendarDate, formatDateTime, formatMoney } from "@/lib/format";
import { quoteForLink, type TLinkQuote } from "@/lib/quotes/respond-by-link";
import { EMAIL_PROOF_PARAM, verifyEmailByLink } from "@/lib/customers/email-proof";
import { RespondForm } from "./respond-form";

export const metadata: Metadata = { title: "Your quote", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

function QuoteSummary({ quote }: { quote: TLinkQuote }) {
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-2">
      <div>
        <dt className="text-slate-500">Quote</dt>
        <dd className="font-medium">{quote.number}</dd>
      </div>
      <div>
        <dt className="text-slate-500">For</dt>
        <dd className="font-medium">{quote.occasion}</dd>
      </div>
      <div>
        <dt className="text-slate-500">Price</dt>
        <dd className="text-2xl font-semibold text-brand-700" data-testid="quote-amount">
          {formatMoney(quote.amountCents)}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">Valid until</dt>
        <dd className="font-medium">{quote.validUntil ? formatCalendarDate(quote.validUntil.toISOString().slice(0, 10)) : "—"}</dd>
      </div>
      {quote.neededBy ? (
        <div>
          <dt className="text-slate-500">Needed by</dt>
          <dd className="font-medium">{formatCalendarDate(quote.neededBy)}</dd>
        </div>
      ) : null}
      {quote.message ? (
        <div className="sm:col-span-2">
          <dt className="text-slate-500">Our note</dt>
          <dd className="whitespace-pre-wrap">{quote.message}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function Notice({ icon, title, children }: { icon: React.ReactNode; title: string; children?: React.ReactNode }) {
  return (
    <div className="flex gap-3" role="status">
      <span className="mt-0.5">{icon}</span>
      <div className="space-y-1">
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        {children ? <div className="text-slate-600">{children}</div> : null}
      </div>
    </div>
  );
}

function ClosedNotice({ quote }: { quote: TLinkQuote }) {
  if (quote.status === "accepted") {
    return (
      <Notice icon={<CheckCircle2 className="size-6 text-emerald-600" aria-hidden />} title="You accepted this quote">
        <p>
          {quote.respondedAt ? `On ${formatDateTime(quote.respondedAt)}. ` : null}
          {quote.orderNumber ? `Your order number is ${quote.orderNumber}. ` : null}We will keep you posted as it is made and delivered.
        </p>
      </Notice>
    );
  }
  if (quote.status === "declined") {
    return (
      <Notice icon={<XCircle className="size-6 text-slate-500" aria-hidden />} title="You declined this quote">
        <p>{quote.respondedAt ? `On ${formatDateTime(quote.respondedAt)}. ` : null}If you change your mind, simply ask us for a new quote.</p>
      </Notice>
    );
  }
  return (
    <Notice icon={<HelpCircle className="size-6 text-slate-500" aria-hidden />} title="This quote is closed">
      <p>It can no longer be accepted here. Reply to our message or ask for a new quote.</p>
    </Notice>
  );
}

export default async function QuoteLinkPage({ params, searchParams }: PageProps<"/q/[token]">) {
  const { token } = await params;
  const link = await quoteForLink(token);
  // Opened from an email: that proves the address (lib/customers/email-proof.ts).
  const proof = (await searchParams)[EMAIL_PROOF_PARAM];
  if (link.state !== "unknown" && typeof proof === "string") await verifyEmailByLink(link.quote.id, proof);

  if (link.state === "unknown") {
    return (
      <Card>
        <CardContent className="pt-6">
          <Notice icon={<HelpCircle className="size-6 text-slate-500" aria-hidden />} title="We could not find this quote">
            <p>The link may be incomplete, or it was replaced by a newer one when we updated your quote. Open the link in our latest message, or reply to us.</p>
          </Notice>
        </CardContent>
      </Card>
    );
  }

  return (
    <Card>
      <CardContent className="space-y-6 pt-6">
        {link.state === "open" ? (
          <div>
            <h1 className="text-2xl font-semibold text-slate-900">Hi {link.quote.customerName.split(" ")[0]}, here is your quote</h1>
            <p className="mt-1 text-slate-600">Accept it and we will start on your order; or let us know it is not for you.</p>
          </div>
        ) : link.state === "expired" ? (
          <Notice icon={<Clock className="size-6 text-amber-600" aria-hidden />} title="This quote has expired">
            <p>Prices change, so quotes are valid for a limited time. Reply to our message or ask for a new quote and we will update it.</p>
          </Notice>
        ) : (
          <ClosedNotice quote={link.quote} />
        )}
        <QuoteSummary quote={link.quote} />
        {link.state === "open" ? <RespondForm token={token} /> : null}
      </CardContent>
    </Card>
  );
}
