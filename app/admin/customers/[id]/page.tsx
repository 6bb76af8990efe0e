import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArrowLeft } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ContactOffers } from "@/components/contact-offers";
import { ContactPreference } from "@/components/contact-preference";
import { getAdmin, requireAdmin } from "@/lib/auth/session";
import { getCustomerDetail, pendingOffers } from "@/lib/customers/queries";
import { ConsentCard } from "./consent-card";
import { ContactCard } from "./contact-card";
import { CustomerHistory } from "./customer-history";
import { CustomerMessages, CustomerOrders, CustomerQuotes } from "./customer-activity";
import { MergeCustomerDialog } from "./merge-customer-dialog";

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
  const offers = pendingOffers(customer, customer.contactOffers);

  return (
    <div className="space-y-5">
      <Link href="/admin/customers" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden /> All customers
      </Link>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="text-2xl font-semibold break-words">{customer.name}</h1>
        <ContactPreference preference={customer.contactPreference} className="text-slate-600" />
        <div className="w-full sm:ml-auto sm:w-auto">
          <MergeCustomerDialog customerId={customer.id} customerName={customer.name} />
        </div>
      </div>

      {offers.length ? (
        <Card aria-labelledby="offers-heading">
          <CardHeader>
            <CardTitle id="offers-heading">Offered details</CardTitle>
          </CardHeader>
          <CardContent>
            <ContactOffers offers={offers} linkQuotes />
          </CardContent>
        </Card>
      ) : null}

      <div className="grid gap-5 lg:grid-cols-2">
        <ContactCard customer={customer} />
        <ConsentCard customer={customer} />
        <CustomerHistory events={customer.events} />
        <CustomerQuotes quotes={customer.quotes} />
        <CustomerOrders orders={customer.orders} />
      </div>
      <CustomerMessages messages={customer.messages} />
    </div>
  );
}

