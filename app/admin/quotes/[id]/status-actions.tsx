"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { StatusChangeForm } from "@/components/status-change-form";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { isQuoteStatus, QUOTE_STATUS_LABEL, statusLabel, type TManualStatusTarget } from "@/lib/quotes/status";
import { changeQuoteStatusAction } from "./actions";

type TChoice = { button: string; title: string; description: string; destructive: boolean };

// Every one of these is final (lib/quotes/status.ts), so each asks once before it is made and
// offers a note for the timeline ("confirmed by phone", "found a cheaper supplier").
const CHOICE: Record<TManualStatusTarget, TChoice> = {
  accepted: {
    button: "Mark accepted",
    title: "Mark this quote as accepted?",
    description: "The customer agreed to the price.",
    destructive: false,
  },
  declined: {
    button: "Mark declined",
    title: "Mark this quote as declined?",
    description: "The customer does not want to go ahead.",
    destructive: true,
  },
  expired: {
    button: "Mark expired",
    title: "Mark this quote as expired?",
    description: "The quote is no longer valid, for example because the date has passed.",
    destructive: true,
  },
  cancelled: {
    button: "Cancel quote",
    title: "Cancel this quote?",
    description: "Use this for a duplicate, a test or a request we cannot take on.",
    destructive: true,
  },
};

type TProps = { quoteId: string; status: string; targets: readonly TManualStatusTarget[] };

/** Buttons for the status changes the rules allow from the current status, each with a confirmation. */
export function StatusActions({ quoteId, status, targets }: TProps) {
  const [target, setTarget] = useState<TManualStatusTarget | null>(null);
  const [note, setNote] = useState("");
  const { execute, result, isPending, reset } = useAction(changeQuoteStatusAction, {
    onSuccess: ({ data }) => {
      if (data) toast.success(`Quote marked ${QUOTE_STATUS_LABEL[data.status].toLowerCase()}.`);
      setTarget(null);
      setNote("");
    },
  });

  if (targets.length === 0) {
    return <p className="text-sm text-slate-600">This quote is {statusLabel(status).toLowerCase()}: its status is final.</p>;
  }

  const choice = target ? CHOICE[target] : null;
  const error = result.serverError ?? result.validationErrors?.fieldErrors?.note?.[0] ?? result.validationErrors?.formErrors?.[0];

  function open(next: TManualStatusTarget) {
    reset();
    setNote("");
    setTarget(next);
  }

  return (
    <>
      <div className="flex flex-wrap gap-2">
        {targets.map((to) => (
          <Button key={to} variant={CHOICE[to].destructive ? "outline" : "default"} onClick={() => open(to)}>
            {CHOICE[to].button}
          </Button>
        ))}
      </div>
      <Dialog open={target !== null} onOpenChange={(isOpen) => (isOpen ? null : setTarget(null))}>
        {target && choice ? (
          <DialogContent>
            <DialogTitle>{choice.title}</DialogTitle>
            <DialogDescription>
              {choice.description} This cannot be undone.
            </DialogDescription>
            <StatusChangeForm
              noteId="status-note"
              note={note}
              onNoteChange={setNote}
              onConfirm={() => execute({ quoteId, to: target, note, expectedStatus: isQuoteStatus(status) ? status : undefined })}
              error={error}
              errorTestId="status-error"
              cancelLabel={`Keep it ${statusLabel(status).toLowerCase()}`}
              confirmLabel={choice.button}
              destructive={choice.destructive}
              isPending={isPending}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
