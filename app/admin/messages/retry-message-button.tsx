"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { RotateCw } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { cn } from "@/lib/cn";
import { retryMessageAction } from "./actions";

type TProps = {
  messageId: string;
  status: string;
  /** The attempts count this page showed: a second click, or another admin's retry, is refused. */
  attempts: number;
  /** Who it was for, so a row's button has a name of its own ("Send again to Thandi"). */
  recipientName?: string;
  size?: "sm" | "default";
  className?: string;
};

/**
 * Sends a failed or uncertain message again. An uncertain one may already have reached the
 * customer (the provider never answered), so it asks first; a failed one did not, so it does not.
 */
export function RetryMessageButton({ messageId, status, attempts, recipientName, size = "default", className }: TProps) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const { execute, isPending } = useAction(retryMessageAction, {
    onSuccess: () => {
      toast.success("Queued to send again. Its status updates here once it goes out.");
      setConfirming(false);
      router.refresh();
    },
    onError: ({ error }) => {
      const message = error.serverError ?? error.validationErrors?.formErrors?.[0] ?? "The message could not be queued again. Please try again.";
      toast.error(message);
      setConfirming(false);
      // Someone else may have retried it: show what it is now.
      router.refresh();
    },
  });

  const retry = () => execute({ messageId, expectedAttempts: attempts });
  const label = recipientName ? `Send again to ${recipientName}` : "Send again";

  return (
    <>
      <Button
        type="button"
        variant="outline"
        size={size}
        disabled={isPending}
        aria-label={label}
        title={label}
        className={cn("relative z-10", className)}
        onClick={() => (status === "uncertain" ? setConfirming(true) : retry())}
        data-testid="retry-message"
      >
        <RotateCw className={isPending ? "animate-spin" : undefined} aria-hidden />
        {isPending ? "Sending…" : "Send again"}
      </Button>
      <Dialog open={confirming} onOpenChange={(open) => (isPending ? null : setConfirming(open))}>
        {confirming ? (
          <DialogContent>
            <DialogTitle>Send this message again?</DialogTitle>
            <DialogDescription>
              We never heard back about the last try, so it may have reached the customer already. Sending again could give
              them the same message twice.
            </DialogDescription>
            <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <DialogClose asChild>
                <Button type="button" variant="outline" disabled={isPending}>
                  Don’t send
                </Button>
              </DialogClose>
              <Button type="button" onClick={retry} disabled={isPending}>
                {isPending ? "Sending…" : "Send again"}
              </Button>
            </div>
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
