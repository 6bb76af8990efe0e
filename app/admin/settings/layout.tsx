import Link from "next/link";
import { requireOwner } from "@/lib/auth/session";

const SECTIONS = [
  { href: "/admin/settings/notifications", label: "Automatic messages" },
  { href: "/admin/settings/templates", label: "Templates" },
  { href: "/admin/settings/whatsapp-opt-out", label: "Opt-out" },
  { href: "/admin/settings/billing", label: "Limits and rates" },
  { href: "/admin/settings/whatsapp", label: "WhatsApp set-up" },
  { href: "/admin/settings/admins", label: "Admins" },
];

// Settings are the owners'. Each page checks again (layouts are not re-run on every navigation).
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requireOwner("/admin/settings/notifications");
  return (
    <div className="space-y-4">
      {/* Six tabs are wider than a phone: the row scrolls in its own box instead of widening the page. */}
      <nav aria-label="Settings" className="relative flex min-w-0 gap-4 overflow-x-auto border-b border-slate-200 text-sm whitespace-nowrap">
        {SECTIONS.map((section) => (
          <Link key={section.href} href={section.href} className="-mb-px shrink-0 border-b-2 border-transparent px-1 py-2 font-medium text-slate-600 hover:border-slate-300 hover:text-slate-900">
            {section.label}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
