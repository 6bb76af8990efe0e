"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { recordPaymentAction } from "./actions";

/** Records money received; the payment state (deposit paid, paid) follows from the total. */
export function PaymentForm({ orderId, paidCents, currencySymbol }: { orderId: string; paidCents: number; currencySymbol: string }) {
  const router = useRouter();
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const { execute, result, isPending } = useAction(recordPaymentAction, {
    onSuccess: () => {
      toast.success("Payment recorded.");
      setAmount("");
      setNote("");
      router.refresh();
    },
  });
  const error = result.serverError ?? result.validationErrors?.fieldErrors?.amount?.[0] ?? result.validationErrors?.fieldErrors?.note?.[0] ?? result.validationErrors?.formErrors?.[0];
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        execute({ orderId, amount, note: note || undefined, expectedPaidCents: paidCents });
      }}
    >
      {error ? (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <div className="space-y-1.5">
          <Label htmlFor="payment-amount">Amount received ({currencySymbol})</Label>
          <Input id="payment-amount" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} placeholder="250.00" />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="payment-note">Note (optional)</Label>
          <Input id="payment-note" value={note} maxLength={300} onChange={(event) => setNote(event.target.value)} placeholder="EFT, cash, card…" />
        </div>
      </div>
      <Button type="submit" variant="outline" disabled={isPending}>
        {isPending ? "Saving…" : "Record payment"}
      </Button>
    </form>
  );
}
