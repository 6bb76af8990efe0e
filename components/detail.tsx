// A labelled value in a page's <dl> grid, and a customer's email and phone as links.
import { formatPhone } from "@/lib/phone";

export function Detail({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2" : "min-w-0"}>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** Email (full width) and phone, as mailto:/tel: links, or a dash when missing. */
export function ContactDetails({ email, phone }: { email: string | null; phone: string | null }) {
  return (
    <>
      <Detail label="Email" wide>
        {email ? (
          <a href={`mailto:${email}`} className="text-brand-700 hover:underline">
            {email}
          </a>
        ) : (
          "—"
        )}
      </Detail>
      <Detail label="Phone">
        {phone ? (
          <a href={`tel:+${phone}`} className="text-brand-700 hover:underline">
            {formatPhone(phone)}
          </a>
        ) : (
          "—"
        )}
      </Detail>
    </>
  );
}
