"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { revalidateQuoteMessages } from "@/lib/swr/use-quote-messages";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { simulateCustomerReplyAction } from "./whatsapp-actions";

/** Sandbox only: lets an admin play the customer, to try the 24-hour window. */
export function SimulateReplyForm({ quoteId }: { quoteId: string }) {
  const router = useRouter();
  const [text, setText] = useState("Hi, thanks! Could you tell me more?");
  const { execute, isPending } = useAction(simulateCustomerReplyAction, {
    onSuccess: () => {
      toast.success("The sandbox customer replied.");
      // The sandbox's webhook is applied just after it is stored.
      setTimeout(() => {
        void revalidateQuoteMessages(quoteId);
        router.refresh();
      }, 800);
    },
    onError: ({ error }) => toast.error(error.serverError ?? error.validationErrors?.fieldErrors.text?.[0] ?? "Could not simulate the reply."),
  });
  return (
    <details className="rounded-md border border-dashed border-amber-300 bg-amber-50 p-3 text-sm">
      <summary className="cursor-pointer font-medium text-amber-900">Sandbox: simulate a reply from the customer</summary>
      <form
        className="mt-2 flex flex-col gap-2 sm:flex-row"
        onSubmit={(event) => {
          event.preventDefault();
          execute({ quoteId, text });
        }}
      >
        <label htmlFor="simulated-reply" className="sr-only">
          Customer&apos;s reply
        </label>
        <Input id="simulated-reply" value={text} onChange={(event) => setText(event.target.value)} />
        <Button type="submit" variant="outline" disabled={isPending}>
          Simulate reply
        </Button>
      </form>
    </details>
  );
}
