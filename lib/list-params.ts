// What every admin list (quotes, orders) reads from its URL the same way: the search box, the
// sort direction and the page number, each falling back to its default when unreadable, and the
// search words turned into what a LIKE on searchText can match. Client-safe.
//
// Paging is by page number (offset), not by cursor: an admin can bookmark "page 3", see "page 3
// of 40" and jump to the last page; the lists keep deep pages cheap by paging over an index first
// (see lib/list-sql.ts). Searches are not counted: an exact count of a substring search is a full
// scan, so they page with "next" only.
import { z } from "zod";
import { ZTextSchema } from "@/lib/zod/text";

export const PAGE_SIZE = 25;
export const MAX_PAGE = 100_000;
export const MAX_SEARCH_LENGTH = 100;

export type TSortDirection = "asc" | "desc";
export type TSearchParams = Record<string, string | string[] | undefined>;

// A repeated parameter (?page=2&page=9) counts once: the first.
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// Text no person types (a NUL, half an emoji) searches for nothing rather than failing the page;
// the cut counts code points, so it never leaves half an emoji behind either.
export const zSearchText = z.preprocess(
  first,
  ZTextSchema.transform((value) => Array.from(value.trim()).slice(0, MAX_SEARCH_LENGTH).join("").trim()).catch(""),
);

export const zPage = z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE).catch(1));

/** One of `values`, or `fallback` when missing or unknown. */
export function zChoice<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return z.preprocess(first, z.enum(values).catch(fallback as never));
}

/** One of `values`, or undefined (no filter) when missing or unknown. */
export function zOptionalChoice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(first, z.enum(values).optional().catch(undefined));
}

/** `path` with the given parameters, leaving out empty ones and those at their default. */
export function listHref(path: string, entries: [name: string, value: string | number | undefined, defaultValue?: string | number][]): string {
  const query = new URLSearchParams();
  for (const [name, value, defaultValue] of entries) {
    if (value !== undefined && value !== "" && value !== defaultValue) query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A click on a column header: the other direction if it is the sort now, else the column's first. */
export function nextSortDirection<S extends string>(current: { sort: S; dir: TSortDirection }, sort: S, firstDirection: TSortDirection): TSortDirection {
  if (current.sort !== sort) return firstDirection;
  return current.dir === "asc" ? "desc" : "asc";
}

/** The last page of a counted list (1 when it is empty). */
export function lastPageOf(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export type TPastEndNotice = { message: string; page: number; label: string };

/**
 * What a page past the end of a list says instead of rows, and where its link goes: the last page
 * when the list is counted ("No rows on page 99; there are 35 pages"), the first when it is a
 * search (searches are not counted). Null when the page is not past the end.
 */
export function pastEndNotice(page: number, rowCount: number, total: number | null, pageSize = PAGE_SIZE): TPastEndNotice | null {
  if (page <= 1 || rowCount > 0) return null;
  if (total === null) return { message: `No rows on page ${page}: these results end before it.`, page: 1, label: "Go to the first page" };
  if (total === 0) return null;
  const last = lastPageOf(total, pageSize);
  const pages = last === 1 ? "there is 1 page" : `there are ${last} pages`;
  return { message: `No rows on page ${page}; ${pages}.`, page: last, label: `Go to page ${last}` };
}

const PHONE_LIKE = /^[\d\s()+.-]+$/;
const MAX_SEARCH_WORDS = 5;

/**
 * What the search box matches in a searchText column (lower-cased numbers, name, email and phone
 * digits): a list of groups that must all match, each a list of alternatives (substrings).
 * Words match in any order ("dlamini lerato"). A phone number typed the local way ("082 123 4567",
 * "+27 82 123 4567") matches its stored form, digits with country code ("27821234567").
 * Every alternative costs a LIKE per row on a search that scans, so there are as few as possible.
 */
export function searchGroups(q: string, countryCallingCode: string): string[][] {
  const text = q.trim().toLowerCase();
  if (!text) return [];
  const digitCount = text.replace(/\D/g, "").length;
  const tokens = PHONE_LIKE.test(text) && digitCount >= 4 ? [text] : text.split(/\s+/).slice(0, MAX_SEARCH_WORDS);
  return tokens.map((token) => {
    const phone = phoneForm(token, countryCallingCode);
    if (!phone) return [token];
    // Digits and dashes as typed may also be part of a quote or order number ("2026-0042", "0042").
    return /^[\d-]+$/.test(token) && token !== phone ? [token, phone] : [phone];
  });
}

function phoneForm(token: string, countryCallingCode: string): string | null {
  if (!PHONE_LIKE.test(token)) return null;
  const digits = token.replace(/\D/g, "");
  if (digits.length < 3) return null;
  // A leading 0 is the national trunk prefix: 082… is stored as 2782….
  return digits.startsWith("0") && countryCallingCode ? `${countryCallingCode}${digits.slice(1)}` : digits;
}

/** The phone sort menu's choices ("delivery:asc" → "Delivery date, soonest first"), in `sorts` order. */
export function sortChoices<S extends string>(
  sorts: readonly S[],
  label: Record<S, string>,
  directionLabel: Record<S, Partial<Record<TSortDirection, string>>>,
): { value: string; label: string }[] {
  return sorts.flatMap((sort) =>
    Object.entries(directionLabel[sort]).map(([dir, words]) => ({ value: `${sort}:${dir}`, label: `${label[sort]}, ${words}` })),
  );
}
