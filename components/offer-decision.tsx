"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { resolveContactOfferAction } from "@/app/admin/customers/actions";

type TProps = {
  offerId: string;
  /** "new phone": finishes the buttons' names for screen readers and the toast. */
  what: string;
};

/** Apply or Ignore for one offered detail; what the server refused is shown beside the buttons. */
export function OfferDecision({ offerId, what }: TProps) {
  const router = useRouter();
  const { execute, result, isPending, reset } = useAction(resolveContactOfferAction, {
    onSuccess: ({ input }) => {
      toast.success(input.decision === "apply" ? `Applied the ${what} to the customer.` : `Ignored the ${what}; the customer stays as they were.`);
      router.refresh();
    },
  });
  const fieldErrors = result.validationErrors?.fieldErrors;
  const error =
    result.serverError ??
    result.validationErrors?.formErrors?.[0] ??
    fieldErrors?.decision?.[0] ??
    fieldErrors?.offerId?.[0] ??
    (result.validationErrors ? "This offered detail could not be saved. Reload the page and try again." : null);

  function decide(decision: "apply" | "ignore") {
    reset();
    execute({ offerId, decision });
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={() => decide("apply")} disabled={isPending}>
          Apply<span className="sr-only"> the {what}</span>
        </Button>
        <Button size="sm" variant="outline" onClick={() => decide("ignore")} disabled={isPending}>
          Ignore<span className="sr-only"> the {what}</span>
        </Button>
      </div>
      {error ? (
        <Alert tone="danger" role="alert" data-testid="offer-error">
          {error}
        </Alert>
      ) : null}
    </div>
  );
}
