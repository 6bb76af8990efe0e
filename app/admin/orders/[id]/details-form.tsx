"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label, Textarea } from "@/components/ui/input";
import { updateOrderDetailsAction } from "./actions";

type TDetails = { deliveryDate: string; deliveryAddress: string; notes: string };

/** Delivery date and address, and the team's notes. */
export function DetailsForm({ orderId, initial }: { orderId: string; initial: TDetails }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const { execute, result, isPending } = useAction(updateOrderDetailsAction, {
    onSuccess: ({ data }) => {
      toast.success(data?.changed.length ? "Order details saved." : "Nothing changed.");
      router.refresh();
    },
  });
  const fieldErrors = result.validationErrors?.fieldErrors;
  const error = result.serverError ?? result.validationErrors?.formErrors?.[0];
  const set = (key: keyof TDetails) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues({ ...values, [key]: event.target.value });
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        execute({ orderId, ...values });
      }}
    >
      {error ? (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      <div className="space-y-1.5">
        <Label htmlFor="delivery-date">Delivery date</Label>
        <Input id="delivery-date" type="date" value={values.deliveryDate} onChange={set("deliveryDate")} aria-invalid={Boolean(fieldErrors?.deliveryDate)} />
        {fieldErrors?.deliveryDate ? <p className="text-sm text-red-700">{fieldErrors.deliveryDate[0]}</p> : null}
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="delivery-address">Delivery address</Label>
        <Textarea id="delivery-address" rows={2} value={values.deliveryAddress} onChange={set("deliveryAddress")} />
        {fieldErrors?.deliveryAddress ? <p className="text-sm text-red-700">{fieldErrors.deliveryAddress[0]}</p> : null}
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="order-notes">Notes</Label>
        <Textarea id="order-notes" rows={3} value={values.notes} onChange={set("notes")} />
        {fieldErrors?.notes ? <p className="text-sm text-red-700">{fieldErrors.notes[0]}</p> : null}
      </div>
      <Button type="submit" variant="outline" disabled={isPending}>
        {isPending ? "Saving…" : "Save details"}
      </Button>
    </form>
  );
}
