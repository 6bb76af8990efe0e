"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { formatPhone } from "@/lib/phone";
import { mergeCustomersAction } from "../actions";
import { count, type TMergeCandidateRow } from "./merge-candidate";
import { MergeCandidateSearch } from "./merge-candidate-search";

type TProps = { customerId: string; customerName: string };

/**
 * Merges another customer into this one: search, choose, then a confirmation that says what
 * moves and that it cannot be undone.
 */
export function MergeCustomerDialog({ customerId, customerName }: TProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<TMergeCandidateRow | null>(null);
  const { execute, result, isPending, reset } = useAction(mergeCustomersAction, {
    onSuccess: ({ data }) => {
      if (data) toast.success(`Merged ${chosen?.name ?? "the customer"} into ${customerName}: ${count(data.quotes, "quote")}, ${count(data.orders, "order")} and ${count(data.messages, "message")} moved.`);
      setOpen(false);
      router.refresh();
    },
  });
  const error =
    result.serverError ??
    result.validationErrors?.formErrors?.[0] ??
    Object.values(result.validationErrors?.fieldErrors ?? {}).flat()[0] ??
    null;

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (next) {
      setChosen(null);
      reset();
    }
  }

  function choose(candidate: TMergeCandidateRow | null) {
    reset();
    setChosen(candidate);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline">Merge another customer into this one</Button>
      </DialogTrigger>
      <DialogContent>
        {chosen ? (
          <>
            <DialogTitle>
              Merge {chosen.name} into {customerName}?
            </DialogTitle>
            <DialogDescription>This cannot be undone.</DialogDescription>
            <div className="mt-4 space-y-4">
              {error ? (
                <Alert tone="danger" role="alert" data-testid="merge-error">
                  {error}
                </Alert>
              ) : null}
              <ul className="list-disc space-y-1.5 pl-5 text-sm text-slate-700" data-testid="merge-summary">
                <li>
                  {count(chosen.quotes, "quote")} and {count(chosen.orders, "order")} of {chosen.name} move to {customerName}.
                </li>
                <li>Their messages, WhatsApp consent history and customer history move too.</li>
                <li>
                  {customerName} keeps their own name, email and phone; an email or phone only {chosen.name} has
                  {chosen.email || chosen.phone ? ` (${[chosen.email, chosen.phone ? formatPhone(chosen.phone) : null].filter(Boolean).join(", ")})` : ""} is added.
                </li>
                <li>The record of {chosen.name} is deleted, and the merge is written to {customerName}’s history.</li>
              </ul>
              <DialogActions>
                <Button type="button" variant="outline" onClick={() => choose(null)} disabled={isPending}>
                  Back
                </Button>
                <Button type="button" variant="destructive" disabled={isPending} onClick={() => execute({ keepId: customerId, mergeId: chosen.id })}>
                  {isPending ? "Merging…" : `Merge into ${customerName}`}
                </Button>
              </DialogActions>
            </div>
          </>
        ) : (
          <>
            <DialogTitle>Merge another customer into {customerName}</DialogTitle>
            <DialogDescription>When two records are one person. You confirm on the next step.</DialogDescription>
            <div className="mt-4">
              <MergeCandidateSearch customerId={customerId} onChoose={choose} />
            </div>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
