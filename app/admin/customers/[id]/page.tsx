import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArrowLeft } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ContactPreference } from "@/components/contact-preference";
import { getAdmin, requireAdmin } from "@/lib/auth/session";
import { whatsappFallbackReason, type TContactPreference } from "@/lib/customers/preference-schema";
import { getCustomerDetail, type TCustomerDetail } from "@/lib/customers/queries";
import { formatDateTime } from "@/lib/format";
import { ConsentCard } from "./consent-card";
import { CustomerMessages, CustomerOrders, CustomerQuotes } from "./customer-activity";
import { PreferenceForm } from "./preference-form";
import { ContactDetails, Detail } from "@/components/detail";

// generateMetadata and the page read the same customer once per request.
const loadCustomer = cache(getCustomerDetail);

export async function generateMetadata({ params }: PageProps<"/admin/customers/[id]">): Promise<Metadata> {
  // Metadata is resolved beside the page, before its redirect: without a session, say nothing.
  if (!(await getAdmin())) return { title: "Customer" };
  const customer = await loadCustomer((await params).id);
  return { title: customer ? customer.name : "Customer not found" };
}

export default async function CustomerPage({ params }: PageProps<"/admin/customers/[id]">) {
  const { id } = await params;
  await requireAdmin(`/admin/customers/${id}`);
  const customer = await loadCustomer(id);
  if (!customer) notFound();

  return (
    <div className="space-y-5">
      <Link href="/admin/customers" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden /> All customers
      </Link>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="text-2xl font-semibold break-words">{customer.name}</h1>
        <ContactPreference preference={customer.contactPreference} className="text-slate-600" />
      </div>

      <div className="grid gap-5 lg:grid-cols-2">
        <ContactCard customer={customer} />
        <ConsentCard customer={customer} />
        <CustomerQuotes quotes={customer.quotes} />
        <CustomerOrders orders={customer.orders} />
      </div>
      <CustomerMessages messages={customer.messages} />
    </div>
  );
}


function ContactCard({ customer }: { customer: TCustomerDetail }) {
  const preference: TContactPreference = customer.contactPreference === "whatsapp" ? "whatsapp" : "email";
  // Said where the preference is shown, not only when it is changed: the dispatcher sends email.
  const fallbackNow = whatsappFallbackReason(customer);
  return (
    <Card aria-labelledby="contact-heading">
      <CardHeader>
        <CardTitle id="contact-heading">Contact</CardTitle>
      </CardHeader>
      <CardContent className="space-y-5">
        <dl className="grid grid-cols-2 gap-4">
          <ContactDetails email={customer.email} phone={customer.phone} />
          <Detail label="Customer since">{formatDateTime(customer.createdAt)}</Detail>
          <Detail label="Last WhatsApp from them" wide>
            {customer.lastInboundWhatsAppAt ? formatDateTime(customer.lastInboundWhatsAppAt) : "Never"}
          </Detail>
        </dl>
        {fallbackNow ? (
          <Alert tone="warning" data-testid="whatsapp-fallback">
            Prefers WhatsApp. {fallbackNow}
          </Alert>
        ) : null}
        <PreferenceForm
          customerId={customer.id}
          preference={preference}
          unavailable={{
            email: customer.email ? null : "No email address on record, so email cannot be chosen.",
            whatsapp: customer.phone ? null : "No phone number on record, so WhatsApp cannot be chosen.",
          }}
          whatsappFallback={whatsappFallbackReason({ ...customer, contactPreference: "whatsapp" })}
        />
      </CardContent>
    </Card>
  );
}
