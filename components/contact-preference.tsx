import { ICON } from "@/components/icon-data";
import { Icon, SpriteIcon } from "@/components/icon";
import { cn } from "@/lib/cn";

const CHANNEL = {
  whatsapp: { label: "WhatsApp", icon: ICON.messageCircle, colour: "text-emerald-600" },
  email: { label: "Email", icon: ICON.mail, colour: "text-sky-600" },
} as const;

/** The icons a list that shows a preference on every row puts in its `<IconSprite>`. */
export const CONTACT_PREFERENCE_ICONS = [CHANNEL.whatsapp.icon, CHANNEL.email.icon];

type TProps = {
  preference: string;
  showLabel?: boolean;
  /** On every row of a list: the icon refers to the page's `<IconSprite>` (CONTACT_PREFERENCE_ICONS). */
  fromSprite?: boolean;
  className?: string;
};

/**
 * The channel a customer asked to be contacted on, as an icon with a label. Without the visible
 * label (narrow table cells) the icon carries it for screen readers and as a tooltip.
 */
export function ContactPreference({ preference, showLabel = true, fromSprite = false, className }: TProps) {
  const { label, icon, colour } = preference === "whatsapp" ? CHANNEL.whatsapp : CHANNEL.email;
  const DrawnIcon = fromSprite ? SpriteIcon : Icon;
  return (
    <span className={cn("inline-flex items-center gap-1.5 text-sm", className)} title={`Prefers ${label}`}>
      <DrawnIcon icon={icon} className={cn("size-4 shrink-0", colour)} />
      {showLabel ? label : <span className="sr-only">{`Prefers ${label}`}</span>}
    </span>
  );
}
