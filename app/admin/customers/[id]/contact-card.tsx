import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ContactDetails, Detail } from "@/components/detail";
import { whatsappFallbackReason, type TContactPreference } from "@/lib/customers/preference-schema";
import type { TCustomerDetail } from "@/lib/customers/queries";
import { formatDateTime } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { EditDetailsDialog } from "./edit-details-dialog";
import { PreferenceForm } from "./preference-form";

/** How to reach the customer (with what they proved), the details editor and their preference. */
export function ContactCard({ customer }: { customer: TCustomerDetail }) {
  const preference: TContactPreference = customer.contactPreference === "whatsapp" ? "whatsapp" : "email";
  // Said where the preference is shown, not only when it is changed: the dispatcher sends email.
  const fallbackNow = whatsappFallbackReason(customer);
  return (
    <Card aria-labelledby="contact-heading">
      <CardHeader>
        <CardTitle id="contact-heading">Contact</CardTitle>
        <EditDetailsDialog
          customerId={customer.id}
          defaults={{ name: customer.name, email: customer.email ?? "", phone: customer.phone ? formatPhone(customer.phone) : "" }}
        />
      </CardHeader>
      <CardContent className="space-y-5">
        <dl className="grid grid-cols-2 gap-4">
          <ContactDetails email={customer.email} phone={customer.phone} verified={{ email: customer.emailVerifiedAt, phone: customer.phoneVerifiedAt }} />
          {customer.whatsappUsername || customer.whatsappUserId ? (
            <Detail label="WhatsApp username" wide>
              <span data-testid="whatsapp-username">{customer.whatsappUsername ? `@${customer.whatsappUsername}` : "Not shared"}</span>
              {customer.whatsappUserId ? <span className="block font-mono text-xs break-all text-slate-500">User id {customer.whatsappUserId}</span> : null}
              {!customer.phone ? <span className="block text-xs text-slate-500">No phone number: WhatsApp messages go to this user id.</span> : null}
            </Detail>
          ) : null}
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
            whatsapp: customer.phone || customer.whatsappUserId ? null : "No phone number on record, so WhatsApp cannot be chosen.",
          }}
          whatsappFallback={whatsappFallbackReason({ ...customer, contactPreference: "whatsapp" })}
        />
      </CardContent>
    </Card>
  );
}
