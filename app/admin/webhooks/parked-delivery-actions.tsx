"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { RotateCw, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { discardParkedDeliveryAction, retryParkedDeliveryAction } from "./actions";

const RESULT_TEXT = {
  applied: "Applied. Its statuses and messages are in now.",
  ignored: "Done: it held nothing for this business, so it is recorded as ignored.",
  malformed: "Done: the parts that could be read were applied, the rest is recorded as malformed.",
} as const;

type TActionError = { serverError?: string; validationErrors?: { formErrors?: string[] } };
const errorText = (error: TActionError, fallback: string) => error.serverError ?? error.validationErrors?.formErrors?.[0] ?? fallback;

/** Retry (apply it now) and Discard (with a confirmation) for one parked delivery. */
export function ParkedDeliveryActions({ deliveryId }: { deliveryId: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const retry = useAction(retryParkedDeliveryAction, {
    onSuccess: ({ data }) => {
      if (data?.outcome === "parked") toast.error(`Still failing: ${data.error}`);
      else if (data && data.outcome in RESULT_TEXT) toast.success(RESULT_TEXT[data.outcome as keyof typeof RESULT_TEXT]);
      router.refresh();
    },
    onError: ({ error }) => {
      toast.error(errorText(error, "The delivery could not be tried again. Please try again."));
      router.refresh();
    },
  });
  const discard = useAction(discardParkedDeliveryAction, {
    onSuccess: () => {
      toast.success("Discarded. It stays stored, marked as discarded by you.");
      setConfirming(false);
      router.refresh();
    },
    onError: ({ error }) => {
      toast.error(errorText(error, "The delivery could not be discarded. Please try again."));
      setConfirming(false);
      router.refresh();
    },
  });
  const busy = retry.isPending || discard.isPending;

  return (
    <div className="flex flex-wrap gap-2">
      <Button type="button" size="sm" disabled={busy} onClick={() => retry.execute({ deliveryId })} data-testid="retry-delivery">
        <RotateCw className={retry.isPending ? "animate-spin" : undefined} aria-hidden />
        {retry.isPending ? "Trying…" : "Retry"}
      </Button>
      <Button type="button" size="sm" variant="outline" disabled={busy} onClick={() => setConfirming(true)} data-testid="discard-delivery">
        <Trash2 aria-hidden />
        Discard
      </Button>
      <Dialog open={confirming} onOpenChange={(open) => (discard.isPending ? null : setConfirming(open))}>
        {confirming ? (
          <DialogContent>
            <DialogTitle>Discard this delivery?</DialogTitle>
            <DialogDescription>
              Its statuses and messages will never be applied. Meta will not send it again. It stays stored, marked as discarded by you.
            </DialogDescription>
            <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <DialogClose asChild>
                <Button type="button" variant="outline" disabled={discard.isPending}>
                  Keep it
                </Button>
              </DialogClose>
              <Button type="button" variant="destructive" disabled={discard.isPending} onClick={() => discard.execute({ deliveryId })}>
                {discard.isPending ? "Discarding…" : "Discard"}
              </Button>
            </div>
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}
