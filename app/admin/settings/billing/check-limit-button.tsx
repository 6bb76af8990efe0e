"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { checkMessagingLimitAction } from "./actions";

export function CheckLimitButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      variant="outline"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await checkMessagingLimitAction();
          if (result?.data?.error) toast.error(`Meta's limit could not be read: ${result.data.error}`);
          else if (result?.data) toast.success("Read the messaging limit from Meta.");
          else toast.error(result?.serverError ?? "The limit could not be checked. Please try again.");
          router.refresh();
        })
      }
    >
      {pending ? "Checking…" : "Check Meta now"}
    </Button>
  );
}
