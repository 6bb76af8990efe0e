// A labelled value in a page's <dl> grid, and a customer's email and phone as links.
import { formatPhone } from "@/lib/phone";
import { VerifiedBadge } from "@/components/verified-badge";

export function Detail({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2" : "min-w-0"}>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

type TContactDetailsProps = {
  email: string | null;
  phone: string | null;
  /** When the customer proved the address or number; shown as a "Verified" badge. */
  verified?: { email?: Date | null; phone?: Date | null };
};

/** Email (full width) and phone, as mailto:/tel: links, or a dash when missing. */
export function ContactDetails({ email, phone, verified }: TContactDetailsProps) {
  return (
    <>
      <Detail label="Email" wide>
        {email ? (
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <a href={`mailto:${email}`} className="text-brand-700 hover:underline">
              {email}
            </a>
            <VerifiedBadge at={verified?.email} what="email address" testId="email-verified" />
          </span>
        ) : (
          "—"
        )}
      </Detail>
      <Detail label="Phone" wide={!!verified?.phone}>
        {phone ? (
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <a href={`tel:+${phone}`} className="text-brand-700 hover:underline">
              {formatPhone(phone)}
            </a>
            <VerifiedBadge at={verified?.phone} what="phone number" testId="phone-verified" />
          </span>
        ) : (
          "—"
        )}
      </Detail>
    </>
  );
}
