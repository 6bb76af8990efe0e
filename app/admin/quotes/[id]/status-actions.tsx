"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { QUOTE_STATUS_LABEL, type TQuoteStatus } from "@/lib/quotes/status";
import { changeQuoteStatusAction } from "./actions";

type TTarget = "accepted" | "declined" | "expired" | "cancelled";
const DESTRUCTIVE = new Set<TTarget>(["declined", "cancelled"]);
const VERB: Record<TTarget, string> = { accepted: "Mark accepted", declined: "Mark declined", expired: "Mark expired", cancelled: "Cancel quote" };

/** Buttons for the status changes the rules allow from here, with an optional note. */
export function StatusActions({ quoteId, allowed }: { quoteId: string; allowed: readonly TQuoteStatus[] }) {
  const [note, setNote] = useState("");
  const { execute, isPending } = useAction(changeQuoteStatusAction, {
    onSuccess: ({ data }) => {
      if (data) toast.success(`Quote ${QUOTE_STATUS_LABEL[data.status].toLowerCase()}.`);
      setNote("");
    },
    onError: ({ error }) => toast.error(error.serverError ?? error.validationErrors?.fieldErrors.note?.[0] ?? "The status could not be changed."),
  });
  const targets = allowed.filter((status): status is TTarget => status in VERB);
  if (targets.length === 0) return <p className="text-sm text-slate-500">This quote is closed; its status cannot change any more.</p>;
  return (
    <div className="space-y-3">
      <label htmlFor="status-note" className="block text-sm font-medium text-slate-800">
        Note for the timeline (optional)
      </label>
      <Input id="status-note" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
      <div className="flex flex-wrap gap-2">
        {targets.map((to) => (
          <Button
            key={to}
            variant={DESTRUCTIVE.has(to) ? "outline" : "secondary"}
            disabled={isPending}
            onClick={() => {
              if (DESTRUCTIVE.has(to) && !window.confirm(`${VERB[to]}? This cannot be undone.`)) return;
              execute({ quoteId, to, note: note || undefined });
            }}
          >
            {VERB[to]}
          </Button>
        ))}
      </div>
    </div>
  );
}
