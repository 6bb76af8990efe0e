// How a form shows what a server action refused: each error of a field the form shows goes on
// that field, anything else becomes one sentence above the form. Client-safe (types only).
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

type TActionResult =
  | {
      serverError?: string;
      validationErrors?: { formErrors?: string[]; fieldErrors?: Partial<Record<string, string[]>> };
    }
  | undefined;

/** Puts field errors on `fields`; returns the sentence for the form, or null when the fields say it all. */
export function applyActionErrors<T extends FieldValues>(
  result: TActionResult,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  fallback: string,
): string | null {
  const fieldErrors = result?.validationErrors?.fieldErrors ?? {};
  let hidden: string | undefined;
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (!messages?.[0]) continue;
    if ((fields as readonly string[]).includes(field)) setError(field as Path<T>, { message: messages[0] });
    // An error on a field the admin cannot see (the customer id) must not vanish.
    else hidden ??= messages[0];
  }
  const onFields = Object.keys(fieldErrors).some((field) => (fields as readonly string[]).includes(field));
  return result?.serverError ?? result?.validationErrors?.formErrors?.[0] ?? hidden ?? (onFields ? null : fallback);
}
