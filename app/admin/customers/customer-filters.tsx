"use client";

import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Search, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { CUSTOMER_SORT_LABEL, CUSTOMER_SORTS, FIRST_SORT_DIRECTION, type TCustomerListParams } from "@/lib/customers/list-params";
import { CONTACT_PREFERENCE_LABEL, CONTACT_PREFERENCES } from "@/lib/customers/preference-schema";

const DIRECTION_LABEL = {
  created: { desc: "newest first", asc: "oldest first" },
  name: { asc: "A to Z", desc: "Z to A" },
} as const;

/**
 * Search, preference filter and (on phones, where there are no column headers) sort order. Each
 * writes the URL, keeping the other parameters and going back to page 1, so every view can be
 * bookmarked. The search runs when submitted, not on every key: each search is a server render.
 */
export function CustomerFilters({ params }: { params: Pick<TCustomerListParams, "q" | "preference" | "sort" | "dir"> }) {
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
        <label htmlFor="customer-search" className="sr-only">
          Search customers
        </label>
        <Input
          id="customer-search"
          name="q"
          type="search"
          key={params.q}
          defaultValue={params.q}
          placeholder="Name, email or phone"
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
          <label htmlFor="customer-preference" className="sr-only">
            Contact preference
          </label>
          <Select id="customer-preference" value={params.preference ?? ""} onChange={(event) => apply({ preference: event.target.value })} className="md:w-44">
            <option value="">Any preference</option>
            {CONTACT_PREFERENCES.map((value) => (
              <option key={value} value={value}>
                {`Prefers ${CONTACT_PREFERENCE_LABEL[value]}`}
              </option>
            ))}
          </Select>
        </div>
        <div className="md:hidden">
          <label htmlFor="customer-sort" className="sr-only">
            Sort by
          </label>
          <Select
            id="customer-sort"
            value={`${params.sort}:${params.dir}`}
            onChange={(event) => {
              const [sort = "created", dir = "desc"] = event.target.value.split(":") as [keyof typeof DIRECTION_LABEL, "asc" | "desc"];
              // Defaults stay out of the URL, as customerListHref leaves them out.
              apply({ sort: sort === "created" ? "" : sort, dir: dir === FIRST_SORT_DIRECTION[sort] ? "" : dir });
            }}
          >
            {CUSTOMER_SORTS.flatMap((sort) =>
              (Object.keys(DIRECTION_LABEL[sort]) as ("asc" | "desc")[]).map((dir) => (
                <option key={`${sort}:${dir}`} value={`${sort}:${dir}`}>
                  {`${CUSTOMER_SORT_LABEL[sort]}, ${DIRECTION_LABEL[sort][dir]}`}
                </option>
              )),
            )}
          </Select>
        </div>
      </div>
    </form>
  );
}
