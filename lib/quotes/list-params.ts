// The quote list's view, read from the URL so it can be bookmarked. Anything unreadable falls
// back to the default instead of failing the page.
import { z } from "zod";
import { QUOTE_STATUSES } from "@/lib/quotes/status";

export const QUOTE_SORTS = ["received", "needed", "budget", "number"] as const;
export const PAGE_SIZE = 25;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const ZQuoteListParamsSchema = z.object({
  q: z.preprocess(first, z.string().trim().max(100).catch("")).default(""),
  status: z.preprocess(first, z.enum(QUOTE_STATUSES).optional().catch(undefined)),
  sort: z.preprocess(first, z.enum(QUOTE_SORTS).catch("received")).default("received"),
  dir: z.preprocess(first, z.enum(["asc", "desc"]).catch("desc")).default("desc"),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1)).default(1),
});

export type TQuoteListParams = z.infer<typeof ZQuoteListParamsSchema>;

export function parseQuoteListParams(searchParams: Record<string, string | string[] | undefined>): TQuoteListParams {
  return ZQuoteListParamsSchema.parse(searchParams);
}

/** The URL of the list with some parameters changed; defaults are left out to keep URLs short. */
export function quoteListHref(params: TQuoteListParams, change: Partial<TQuoteListParams>): string {
  const next = { ...params, ...change };
  const query = new URLSearchParams();
  if (next.q) query.set("q", next.q);
  if (next.status) query.set("status", next.status);
  if (next.sort !== "received") query.set("sort", next.sort);
  if (next.dir !== "desc") query.set("dir", next.dir);
  if (next.page > 1) query.set("page", String(next.page));
  const text = query.toString();
  return text ? `/admin/quotes?${text}` : "/admin/quotes";
}
