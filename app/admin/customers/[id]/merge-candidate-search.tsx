"use client";

import { useEffect, useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { formatPhone } from "@/lib/phone";
import { findMergeCandidatesAction } from "../actions";
import { count, type TMergeCandidateRow } from "./merge-candidate";

const MIN_QUERY = 2;
const DEBOUNCE_MS = 300;

type TProps = { customerId: string; onChoose: (candidate: TMergeCandidateRow) => void };

/** Finds other customers by name, email or phone as the admin types; each result can be chosen. */
export function MergeCandidateSearch({ customerId, onChoose }: TProps) {
  const [query, setQuery] = useState("");
  // Results belong to the query they answer: a slow answer to an older query is not shown.
  const [found, setFound] = useState<{ query: string; candidates: TMergeCandidateRow[] } | null>(null);
  const { execute, result, isPending } = useAction(findMergeCandidatesAction, {
    onSuccess: ({ data, input }) => setFound({ query: input.query, candidates: data ?? [] }),
  });
  const wanted = query.trim();

  useEffect(() => {
    if (wanted.length < MIN_QUERY) return;
    const timer = setTimeout(() => execute({ customerId, query: wanted }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [customerId, wanted, execute]);

  const error = result.serverError ?? result.validationErrors?.fieldErrors?.query?.[0] ?? result.validationErrors?.formErrors?.[0];
  const candidates = wanted.length >= MIN_QUERY && found?.query === wanted ? found.candidates : null;

  return (
    <div className="space-y-3">
      <FormField id="merge-search" label="Find the other customer" hint="Type at least two characters of their name, email or phone.">
        <Input
          id="merge-search"
          type="search"
          autoComplete="off"
          maxLength={120}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-describedby="merge-search-hint"
          aria-controls="merge-candidates"
        />
      </FormField>
      {error ? (
        <Alert tone="danger" role="alert" data-testid="merge-search-error">
          {error}
        </Alert>
      ) : null}
      <div id="merge-candidates" aria-live="polite" aria-busy={isPending}>
        {wanted.length >= MIN_QUERY && !candidates && isPending ? <p className="text-sm text-slate-500">Searching…</p> : null}
        {candidates?.length === 0 ? <p className="text-sm text-slate-600">No other customer matches “{wanted}”.</p> : null}
        {candidates?.length ? (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Matching customers">
            {candidates.map((candidate) => (
              <li key={candidate.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-3 py-3" data-testid="merge-candidate">
                <div className="min-w-0 flex-1 text-sm">
                  <p className="font-medium break-words text-slate-900">{candidate.name}</p>
                  <p className="break-words text-slate-600">{[candidate.email, candidate.phone ? formatPhone(candidate.phone) : null].filter(Boolean).join(" · ") || "No email or phone"}</p>
                  <p className="text-xs text-slate-500">
                    {count(candidate.quotes, "quote")} · {count(candidate.orders, "order")}
                  </p>
                </div>
                <Button type="button" size="sm" variant="outline" onClick={() => onChoose(candidate)}>
                  Choose<span className="sr-only"> {candidate.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
