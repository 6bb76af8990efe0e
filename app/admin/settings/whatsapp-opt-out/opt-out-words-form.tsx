"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/input";
import { saveOptOutWordsAction } from "./actions";

/** The extra opt-out words, one per line (commas work too); the server parses and normalises them. */
export function OptOutWordsForm({ words }: { words: string[] }) {
  const router = useRouter();
  const [text, setText] = useState(words.join("\n"));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const result = await saveOptOutWordsAction({ words: text });
    setSaving(false);
    if (!result?.data) {
      const validation = result?.validationErrors as { fieldErrors?: { words?: string[] }; formErrors?: string[] } | undefined;
      setError(validation?.fieldErrors?.words?.join(" ") ?? result?.serverError ?? validation?.formErrors?.[0] ?? "The words could not be saved. Please try again.");
      return;
    }
    setText(result.data.words.join("\n"));
    toast.success("Opt-out words saved.");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4" aria-label="Opt-out words">
      <FormField id="words" label="More opt-out words" hint="One per line. Case, spaces and punctuation do not matter." error={error ?? undefined}>
        <Textarea id="words" name="words" value={text} onChange={(event) => setText(event.target.value)} aria-invalid={!!error} rows={6} />
      </FormField>
      {error ? null : <Alert tone="info">STOP and UNSUBSCRIBE always opt a customer out; START always opts them back in.</Alert>}
      <Button type="submit" disabled={saving}>
        {saving ? "Saving…" : "Save words"}
      </Button>
    </form>
  );
}
