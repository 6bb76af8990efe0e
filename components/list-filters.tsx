"use client";

import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Search, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";

type TOption = { value: string; label: string };

/** What differs between the lists: their wording, statuses and sort orders. Plain data, built on the server. */
export type TListFilterConfig = {
  /** Prefix for the fields' ids ("quote" → quote-search, quote-status, quote-sort). */
  idPrefix: string;
  searchLabel: string;
  placeholder: string;
  statusOptions: TOption[];
  /** The filter's URL parameter and wording, when it is not the status ("preference", "Any preference"). */
  filter?: { param: string; label: string; allLabel: string };
  /** Every sort order as "sort:dir" with its label, for the phone's sort menu. */
  sortOptions: TOption[];
  /** The list's default sort and direction, left out of the URL when chosen. */
  defaultSort: { sort: string; dir: string };
  /** The direction a sort takes when the URL names none, where it is not defaultSort.dir (names: A to Z). */
  firstDirection?: Partial<Record<string, string>>;
};

type TProps = { config: TListFilterConfig; params: { q: string; sort: string; dir: string } & Partial<Record<string, string>> };

const STATUS_FILTER = { param: "status", label: "Status", allLabel: "All statuses" };

/**
 * An admin list's search, status filter and (on phones, where there are no column headers) sort
 * order. Each writes the URL, keeping the other parameters and going back to page 1, so every
 * view can be bookmarked. The search runs when submitted, not on every key: each search is a
 * server render and, for a rare word, a scan of the whole table.
 */
export function ListFilters({ config, params }: TProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const id = (name: string) => `${config.idPrefix}-${name}`;
  const filter = config.filter ?? STATUS_FILTER;

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
        <label htmlFor={id("search")} className="sr-only">
          {config.searchLabel}
        </label>
        <Input
          id={id("search")}
          name="q"
          type="search"
          key={params.q}
          defaultValue={params.q}
          placeholder={config.placeholder}
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
          <label htmlFor={id(filter.param)} className="sr-only">
            {filter.label}
          </label>
          <Select id={id(filter.param)} value={params[filter.param] ?? ""} onChange={(event) => apply({ [filter.param]: event.target.value })} className="md:w-48">
            <option value="">{filter.allLabel}</option>
            {config.statusOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="md:hidden">
          <label htmlFor={id("sort")} className="sr-only">
            Sort by
          </label>
          <Select
            id={id("sort")}
            value={`${params.sort}:${params.dir}`}
            onChange={(event) => {
              const [sort = config.defaultSort.sort, dir = config.defaultSort.dir] = event.target.value.split(":");
              const implied = config.firstDirection?.[sort] ?? config.defaultSort.dir;
              apply({ sort: sort === config.defaultSort.sort ? "" : sort, dir: dir === implied ? "" : dir });
            }}
          >
            {config.sortOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </div>
      </div>
    </form>
  );
}
