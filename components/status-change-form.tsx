"use client";

import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogClose } from "@/components/ui/dialog";
import { Label, Textarea } from "@/components/ui/input";

type TStatusChangeFormProps = {
  /** Names the note field, unique on its page. */
  noteId: string;
  note: string;
  onNoteChange: (note: string) => void;
  onConfirm: () => void;
  error?: string;
  errorTestId?: string;
  cancelLabel: string;
  confirmLabel: string;
  destructive: boolean;
  isPending: boolean;
};

/** The body of a quote's or order's "move to this status?" dialog: the reason it was refused, an
 * optional note for the timeline, and the choice. */
export function StatusChangeForm(props: TStatusChangeFormProps) {
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    props.onConfirm();
  };
  return (
    <form className="mt-4 space-y-4" onSubmit={onSubmit}>
      {props.error ? (
        <Alert tone="danger" role="alert" data-testid={props.errorTestId}>
          {props.error}
        </Alert>
      ) : null}
      <div className="space-y-1.5">
        <Label htmlFor={props.noteId}>Note for the timeline (optional)</Label>
        <Textarea id={props.noteId} rows={3} maxLength={500} value={props.note} onChange={(event) => props.onNoteChange(event.target.value)} />
      </div>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <DialogClose asChild>
          <Button type="button" variant="outline">
            {props.cancelLabel}
          </Button>
        </DialogClose>
        <Button type="submit" variant={props.destructive ? "destructive" : "default"} disabled={props.isPending}>
          {props.isPending ? "Saving…" : props.confirmLabel}
        </Button>
      </div>
    </form>
  );
}
