"use client";

import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Search, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { QUOTE_SORT_LABEL, QUOTE_SORTS, type TQuoteListParams } from "@/lib/quotes/list-params";
import { QUOTE_STATUSES, QUOTE_STATUS_LABEL } from "@/lib/quotes/status";

const DIRECTION_LABEL = {
  received: { desc: "newest first", asc: "oldest first" },
  needed: { asc: "soonest first", desc: "latest first" },
  budget: { desc: "highest first", asc: "lowest first" },
  number: { desc: "newest first", asc: "oldest first" },
} as const;

/**
 * Search, status filter and (on phones, where there are no column headers) sort order. Each
 * writes the URL, keeping the other parameters and going back to page 1, so every view can be
 * bookmarked. The search runs when submitted, not on every key: each search is a server render
 * and, for a rare word, a scan of all quotes.
 */
export function QuoteFilters({ params }: { params: Pick<TQuoteListParams, "q" | "status" | "sort" | "dir"> }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();

  function apply(change: Record<string, string>) {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("page");
    const query = next.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname));
  }

  return (
    <form
      role="search"
      aria-busy={isPending}
      className="grid gap-2 md:flex md:items-center"
      onSubmit={(event) => {
        event.preventDefault();
        apply({ q: String(new FormData(event.currentTarget).get("q") ?? "").trim() });
      }}
    >
      <div className="flex gap-2 md:flex-1">
        <label htmlFor="quote-search" className="sr-only">
          Search quotes
        </label>
        <Input
          id="quote-search"
          name="q"
          type="search"
          key={params.q}
          defaultValue={params.q}
          placeholder="Number, name, email or phone"
          enterKeyHint="search"
          maxLength={100}
          className="md:max-w-sm"
        />
        <Button type="submit" variant="outline" disabled={isPending}>
          <Search aria-hidden /> Search
        </Button>
        {params.q ? (
          <Button type="button" variant="ghost" size="icon" aria-label="Clear" title="Clear the search" onClick={() => apply({ q: "" })} className="size-10">
            <X aria-hidden />
          </Button>
        ) : null}
      </div>
      <div className="grid grid-cols-2 gap-2 md:flex">
        <div>
          <label htmlFor="quote-status" className="sr-only">
            Status
          </label>
          <Select id="quote-status" value={params.status ?? ""} onChange={(event) => apply({ status: event.target.value })} className="md:w-44">
            <option value="">All statuses</option>
            {QUOTE_STATUSES.map((value) => (
              <option key={value} value={value}>
                {QUOTE_STATUS_LABEL[value]}
              </option>
            ))}
          </Select>
        </div>
        <div className="md:hidden">
          <label htmlFor="quote-sort" className="sr-only">
            Sort by
          </label>
          <Select
            id="quote-sort"
            value={`${params.sort}:${params.dir}`}
            onChange={(event) => {
              const [sort = "received", dir = "desc"] = event.target.value.split(":");
              apply({ sort: sort === "received" ? "" : sort, dir: dir === "desc" ? "" : dir });
            }}
          >
            {QUOTE_SORTS.flatMap((sort) =>
              (Object.keys(DIRECTION_LABEL[sort]) as ("asc" | "desc")[]).map((dir) => (
                <option key={`${sort}:${dir}`} value={`${sort}:${dir}`}>
                  {`${QUOTE_SORT_LABEL[sort]}, ${DIRECTION_LABEL[sort][dir]}`}
                </option>
              )),
            )}
          </Select>
        </div>
      </div>
    </form>
  );
}
