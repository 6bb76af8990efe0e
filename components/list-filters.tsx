"use client";

import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Search, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";

type TOption = { value: string; label: string };

type TProps = {
  /** Prefix for the fields' ids ("quote" → quote-search, quote-status, quote-sort). */
  idPrefix: string;
  searchLabel: string;
  placeholder: string;
  q: string;
  status: string | undefined;
  allStatusesLabel: string;
  statusOptions: TOption[];
  /** The current sort as "sort:dir", and every choice in that form. */
  sort: string;
  sortOptions: TOption[];
  /** The list's default sort and direction, left out of the URL when chosen. */
  defaultSort: { sort: string; dir: string };
};

/**
 * An admin list's search, status filter and (on phones, where there are no column headers) sort
 * order. Each writes the URL, keeping the other parameters and going back to page 1, so every
 * view can be bookmarked. The search runs when submitted, not on every key: each search is a
 * server render and, for a rare word, a scan of the whole table.
 */
export function ListFilters(props: TProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const id = (name: string) => `${props.idPrefix}-${name}`;

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
          {props.searchLabel}
        </label>
        <Input
          id={id("search")}
          name="q"
          type="search"
          key={props.q}
          defaultValue={props.q}
          placeholder={props.placeholder}
          enterKeyHint="search"
          maxLength={100}
          className="md:max-w-sm"
        />
        <Button type="submit" variant="outline" disabled={isPending}>
          <Search aria-hidden /> Search
        </Button>
        {props.q ? (
          <Button type="button" variant="ghost" size="icon" aria-label="Clear" title="Clear the search" onClick={() => apply({ q: "" })} className="size-10">
            <X aria-hidden />
          </Button>
        ) : null}
      </div>
      <div className="grid grid-cols-2 gap-2 md:flex">
        <div>
          <label htmlFor={id("status")} className="sr-only">
            Status
          </label>
          <Select id={id("status")} value={props.status ?? ""} onChange={(event) => apply({ status: event.target.value })} className="md:w-48">
            <option value="">{props.allStatusesLabel}</option>
            {props.statusOptions.map((option) => (
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
            value={props.sort}
            onChange={(event) => {
              const [sort = props.defaultSort.sort, dir = props.defaultSort.dir] = event.target.value.split(":");
              apply({ sort: sort === props.defaultSort.sort ? "" : sort, dir: dir === props.defaultSort.dir ? "" : dir });
            }}
          >
            {props.sortOptions.map((option) => (
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
