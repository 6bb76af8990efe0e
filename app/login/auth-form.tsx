import type { FormEventHandler, ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

/** The card form of the sign-in pages, with the reason the last try was refused above its fields. */
export function AuthForm({ onSubmit, error, errorTestId, children }: { onSubmit: FormEventHandler<HTMLFormElement>; error: string | null; errorTestId: string; children: ReactNode }) {
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {error ? (
        <Alert tone="danger" role="alert" data-testid={errorTestId}>
          {error}
        </Alert>
      ) : null}
      {children}
    </form>
  );
}
