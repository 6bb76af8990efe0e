"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { StatusChangeForm } from "@/components/status-change-form";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
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
            <StatusChangeForm
              noteId="order-status-note"
              note={note}
              onNoteChange={setNote}
              onConfirm={() => execute({ orderId, to: target, expectedStatus: status, note })}
              error={error}
              cancelLabel="Not now"
              confirmLabel={target === "ready" && backwards ? "Back to ready" : BUTTON[target]}
              destructive={target === "cancelled"}
              isPending={isPending}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
