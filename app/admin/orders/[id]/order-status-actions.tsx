"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Label, Textarea } from "@/components/ui/input";
import { allowedNextOrderStatuses, ORDER_STATUS_LABEL, type TOrderStatus } from "@/lib/orders/status";
import { changeOrderStatusAction } from "./actions";

const BUTTON: Record<TOrderStatus, string> = {
  confirmed: "Confirm",
  in_production: "Start production",
  ready: "Mark ready",
  out_for_delivery: "Out for delivery",
  delivered: "Mark delivered",
  cancelled: "Cancel order",
};

/** The moves the rules allow from the order's status; each asks first, since each messages the customer. */
export function OrderStatusActions({ orderId, status }: { orderId: string; status: TOrderStatus }) {
  const targets = allowedNextOrderStatuses(status);
  const [target, setTarget] = useState<TOrderStatus | null>(null);
  const [note, setNote] = useState("");
  const { execute, result, isPending, reset } = useAction(changeOrderStatusAction, {
    onSuccess: ({ data }) => {
      if (data) toast.success(`Order is now ${ORDER_STATUS_LABEL[data.status].toLowerCase()}.${data.messageQueued ? " The customer is being told." : ""}`);
      setTarget(null);
      setNote("");
    },
  });
  if (targets.length === 0) return <p className="text-sm text-slate-600">This order is {ORDER_STATUS_LABEL[status].toLowerCase()}: its status is final.</p>;
  const error = result.serverError ?? result.validationErrors?.fieldErrors?.note?.[0] ?? result.validationErrors?.formErrors?.[0];
  const backwards = status === "out_for_delivery" && target === "ready";

  return (
    <>
      <div className="flex flex-wrap gap-2">
        {targets.map((to) => (
          <Button
            key={to}
            variant={to === "cancelled" ? "outline" : to === "ready" && status === "out_for_delivery" ? "secondary" : "default"}
            onClick={() => {
              reset();
              setNote("");
              setTarget(to);
            }}
          >
            {to === "ready" && status === "out_for_delivery" ? "Back to ready (not delivered)" : BUTTON[to]}
          </Button>
        ))}
      </div>
      <Dialog open={target !== null} onOpenChange={(open) => (open ? null : setTarget(null))}>
        {target ? (
          <DialogContent>
            <DialogTitle>{target === "cancelled" ? "Cancel this order?" : `Move the order to “${ORDER_STATUS_LABEL[target]}”?`}</DialogTitle>
            <DialogDescription>
              {target === "cancelled"
                ? "The order stops here and cannot be reopened. The customer is told automatically."
                : backwards
                  ? "Use this when a delivery did not happen. The customer is told the order is ready again."
                  : "The customer is sent the automatic message for this step on their channel."}
            </DialogDescription>
            <form
              className="mt-4 space-y-4"
              onSubmit={(event) => {
                event.preventDefault();
                execute({ orderId, to: target, expectedStatus: status, note });
              }}
            >
              {error ? (
                <Alert tone="danger" role="alert">
                  {error}
                </Alert>
              ) : null}
              <div className="space-y-1.5">
                <Label htmlFor="order-status-note">Note for the timeline (optional)</Label>
                <Textarea id="order-status-note" rows={3} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
              </div>
              <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
                <DialogClose asChild>
                  <Button type="button" variant="outline">
                    Not now
                  </Button>
                </DialogClose>
                <Button type="submit" variant={target === "cancelled" ? "destructive" : "default"} disabled={isPending}>
                  {isPending ? "Saving…" : target === "ready" && backwards ? "Back to ready" : BUTTON[target]}
                </Button>
              </div>
            </form>
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
