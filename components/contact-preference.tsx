import { Mail, MessageCircle } from "lucide-react";
import { cn } from "@/lib/cn";

const CHANNEL = {
  whatsapp: { label: "WhatsApp", Icon: MessageCircle, colour: "text-emerald-600" },
  email: { label: "Email", Icon: Mail, colour: "text-sky-600" },
} as const;

/**
 * The channel a customer asked to be contacted on, as an icon with a label. Without the visible
 * label (narrow table cells) the icon carries it for screen readers and as a tooltip.
 */
export function ContactPreference({ preference, showLabel = true, className }: { preference: string; showLabel?: boolean; className?: string }) {
  const { label, Icon, colour } = preference === "whatsapp" ? CHANNEL.whatsapp : CHANNEL.email;
  return (
    <span className={cn("inline-flex items-center gap-1.5 text-sm", className)} title={`Prefers ${label}`}>
      <Icon className={cn("size-4 shrink-0", colour)} aria-hidden />
      {showLabel ? label : <span className="sr-only">{`Prefers ${label}`}</span>}
    </span>
  );
}
