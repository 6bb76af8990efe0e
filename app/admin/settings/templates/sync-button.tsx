"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { syncTemplatesAction } from "./actions";

/** "Sync now": reads every page of the account's templates from Meta. */
export function SyncTemplatesButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function sync() {
    setPending(true);
    setError(null);
    const result = await syncTemplatesAction({});
    setPending(false);
    if (result?.data) {
      const { templates, added, deleted, changed } = result.data;
      toast.success(`Synced ${templates} templates: ${added} new, ${changed} changed, ${deleted} gone from WhatsApp.`);
      router.refresh();
      return;
    }
    setError(result?.serverError ?? "The templates could not be synced. Please try again.");
  }

  return (
    <div className="space-y-2">
      <Button type="button" onClick={sync} disabled={pending} className="w-full sm:w-auto">
        <RefreshCw aria-hidden className={pending ? "animate-spin" : undefined} /> {pending ? "Syncing…" : "Sync now"}
      </Button>
      {error ? (
        <Alert tone="danger" role="alert" data-testid="sync-error">
          {error}
        </Alert>
      ) : null}
    </div>
  );
}
