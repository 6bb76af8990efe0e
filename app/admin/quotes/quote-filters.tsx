"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { QUOTE_STATUSES, QUOTE_STATUS_LABEL } from "@/lib/quotes/status";

/** Search and status filter; both write the URL, so a view can be bookmarked and shared. */
export function QuoteFilters({ q, status }: { q: string; status: string }) {
  const router = useRouter();
  const searchParams = useSearchParams();

  function apply(change: Record<string, string>) {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("page");
    const query = next.toString();
    router.push(query ? `/admin/quotes?${query}` : "/admin/quotes");
  }

  return (
    <form
      role="search"
      className="flex flex-col gap-2 sm:flex-row"
      onSubmit={(event) => {
        event.preventDefault();
        apply({ q: String(new FormData(event.currentTarget).get("q") ?? "").trim() });
      }}
    >
      <label htmlFor="quote-search" className="sr-only">
        Search quotes
      </label>
      <Input id="quote-search" name="q" type="search" defaultValue={q} key={q} placeholder="Number, name, email or phone" className="sm:max-w-sm" />
      <Button type="submit" variant="outline">
        <Search aria-hidden /> Search
      </Button>
      <label htmlFor="quote-status" className="sr-only">
        Status
      </label>
      <Select id="quote-status" value={status} onChange={(event) => apply({ status: event.target.value })} className="sm:ml-auto sm:w-48">
        <option value="">All statuses</option>
        {QUOTE_STATUSES.map((value) => (
          <option key={value} value={value}>
            {QUOTE_STATUS_LABEL[value]}
          </option>
        ))}
      </Select>
    </form>
  );
}
