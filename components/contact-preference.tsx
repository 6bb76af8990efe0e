import { Mail, MessageCircle } from "lucide-react";

/** The channel a customer asked to be contacted on, as an icon with a label. */
export function ContactPreference({ preference, showLabel = true }: { preference: string; showLabel?: boolean }) {
  const whatsapp = preference === "whatsapp";
  const Icon = whatsapp ? MessageCircle : Mail;
  const label = whatsapp ? "WhatsApp" : "Email";
  return (
    <span className="inline-flex items-center gap-1.5 text-sm" title={label}>
      <Icon className={whatsapp ? "size-4 text-emerald-600" : "size-4 text-sky-600"} aria-hidden={showLabel} aria-label={showLabel ? undefined : label} role={showLabel ? undefined : "img"} />
      {showLabel ? label : null}
    </span>
  );
}
