"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Label, Textarea } from "@/components/ui/input";
import { respondToQuoteAction } from "./actions";

export function RespondForm({ token }: { token: string }) {
  const router = useRouter();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const { execute, isPending, result } = useAction(respondToQuoteAction, {
    // The page reads the quote again and shows its new state (or the state an earlier click made).
    onSuccess: () => router.refresh(),
  });
  const error = result.serverError ?? result.validationErrors?.formErrors?.[0] ?? Object.values(result.validationErrors?.fieldErrors ?? {})[0]?.[0];

  return (
    <div className="space-y-4">
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      ) : null}
      {declining ? (
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            execute({ token, response: "decline", reason: reason || undefined });
          }}
        >
          <Label htmlFor="reason">Would you tell us why? (optional)</Label>
          <Textarea id="reason" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} rows={3} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="secondary" disabled={isPending}>
              {isPending ? "Declining…" : "Decline the quote"}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setDeclining(false)} disabled={isPending}>
              Back
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button type="button" size="lg" disabled={isPending} onClick={() => execute({ token, response: "accept" })}>
            {isPending ? "Accepting…" : "Accept"}
          </Button>
          <Button type="button" size="lg" variant="secondary" disabled={isPending} onClick={() => setDeclining(true)}>
            Decline
          </Button>
        </div>
      )}
    </div>
  );
}
