import Link from "next/link";
import type { ReactNode } from "react";
import { env } from "@/lib/env";

const number = new Intl.NumberFormat(env.BUSINESS_LOCALE);

/** A status badge and how many are in it, linking to the list filtered to that status. */
export function StatusCountLink({ href, badge, count, label }: { href: string; badge: ReactNode; count: number; label: string }) {
  return (
    <Link href={href} className="flex items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm hover:bg-slate-50">
      {badge}
      <span className="font-semibold tabular-nums">
        {number.format(count)}
        <span className="sr-only"> {label.toLowerCase()}</span>
      </span>
    </Link>
  );
}
