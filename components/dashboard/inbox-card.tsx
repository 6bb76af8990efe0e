import Link from "next/link";
import { ArrowRight, MessageCircle } from "lucide-react";
import type { TInboxCounts } from "@/lib/inbox/queries";

/** WhatsApp conversations with unread messages and those waiting for an answer, linking to the inbox tabs. */
export function InboxCard({ counts }: { counts: TInboxCounts }) {
  const busy = counts.unread + counts.waiting > 0;
  return (
    <section
      aria-labelledby="inbox-heading"
      className={`flex flex-wrap items-center gap-x-6 gap-y-2 rounded-lg border p-4 ${busy ? "border-brand-200 bg-brand-50" : "border-slate-200 bg-white"}`}
      data-testid="inbox-card"
    >
      <h2 id="inbox-heading" className="flex items-center gap-1.5 text-sm font-medium text-slate-800">
        <MessageCircle className="size-4" aria-hidden /> WhatsApp inbox
      </h2>
      <Link href="/admin/inbox?filter=unread" className="text-sm hover:underline">
        <span className="text-xl font-semibold tabular-nums" data-testid="inbox-unread-count">
          {counts.unread}
        </span>{" "}
        unread
      </Link>
      <Link href="/admin/inbox?filter=waiting" className="text-sm hover:underline">
        <span className="text-xl font-semibold tabular-nums" data-testid="inbox-waiting-count">
          {counts.waiting}
        </span>{" "}
        waiting for an answer
      </Link>
      <Link href="/admin/inbox" className="ml-auto flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
        Open the inbox <ArrowRight className="size-4" aria-hidden />
      </Link>
    </section>
  );
}
