import { Mail, Phone } from "lucide-react";
import { businessContact } from "@/lib/business-contact";

/** "Questions? hello@… · +27 …" as links, on the customer's pages; nothing when neither is set. */
export function BusinessContact() {
  const { email, phone, phoneHref } = businessContact;
  if (!email && !phone) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600" data-testid="business-contact">
      <span>Questions? Contact us directly:</span>
      {email ? (
        <a href={`mailto:${email}`} className="inline-flex items-center gap-1 font-medium text-brand-700 hover:underline">
          <Mail className="size-4" aria-hidden />
          {email}
        </a>
      ) : null}
      {phone && phoneHref ? (
        <a href={phoneHref} className="inline-flex items-center gap-1 font-medium text-brand-700 hover:underline">
          <Phone className="size-4" aria-hidden />
          {phone}
        </a>
      ) : null}
    </div>
  );
}
