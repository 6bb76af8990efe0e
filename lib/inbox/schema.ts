// The inbox's inputs: which conversations to list (tab and page), and the id of a thread.
// Client-safe: the list builds its page links from the same shapes the page parses.
import { z } from "zod";
import { listHref, zChoice, type TSearchParams } from "@/lib/list-params";
import { ZTextSchema } from "@/lib/zod/text";

export const INBOX_FILTERS = ["all", "unread", "waiting"] as const;
export type TInboxFilter = (typeof INBOX_FILTERS)[number];

export const INBOX_FILTER_LABEL: Record<TInboxFilter, string> = {
  all: "All",
  unread: "Unread",
  waiting: "Waiting for us",
};

/** A filter from the URL; anything else is the whole list rather than an error page. */
export const ZInboxFilterSchema = zChoice(INBOX_FILTERS, "all");

export const ZCustomerIdSchema = ZTextSchema.min(1).max(64);

/**
 * A place in the list: a conversation's last activity and its customer's id, the list's order.
 * Pages are keyset, not numbered: a conversation moving to the top when its customer writes
 * never shifts the older pages, so paging on shows each conversation once.
 */
export type TInboxCursor = { at: Date; id: string };

const CURSOR_SEPARATOR = "_";

export function formatInboxCursor(cursor: TInboxCursor): string {
  return `${cursor.at.toISOString()}${CURSOR_SEPARATOR}${cursor.id}`;
}

/** A cursor from the URL; anything unreadable is no cursor (the newest page), not an error. */
const zCursor = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value),
  ZTextSchema.max(120)
    .transform((text, context): TInboxCursor => {
      const cut = text.indexOf(CURSOR_SEPARATOR);
      const at = new Date(text.slice(0, cut));
      const id = ZCustomerIdSchema.safeParse(text.slice(cut + 1));
      if (cut < 0 || Number.isNaN(at.getTime()) || !id.success) {
        context.addIssue({ code: "custom", message: "Not a place in the inbox." });
        return z.NEVER;
      }
      return { at, id: id.data };
    })
    .optional()
    .catch(undefined),
);

/** Older than `before`, or newer than `after` (back towards the newest); neither is the newest page. */
export const ZInboxListParamsSchema = z.object({
  filter: ZInboxFilterSchema,
  before: zCursor,
  after: zCursor,
});

export type TInboxListParams = z.infer<typeof ZInboxListParamsSchema>;

export function parseInboxListParams(params: TSearchParams | URLSearchParams): TInboxListParams {
  const raw = params instanceof URLSearchParams ? Object.fromEntries(params) : params;
  const parsed = ZInboxListParamsSchema.parse(raw);
  // Both at once is not a page anyone links to: older wins.
  return parsed.before ? { ...parsed, after: undefined } : parsed;
}

/** The URL of a page of the inbox (`path`: the page or its JSON route), leaving defaults out. */
export function inboxListHref(params: TInboxListParams, path = "/admin/inbox"): string {
  return listHref(path, [
    ["filter", params.filter, "all"],
    ["before", params.before && formatInboxCursor(params.before)],
    ["after", params.after && formatInboxCursor(params.after)],
  ]);
}

/** How many of a thread's newest messages it shows. */
export const THREAD_MESSAGE_LIMIT = 200;

const ZMessageIdSchema = ZTextSchema.min(1).max(64);

/**
 * What the thread has shown: the customer's messages on the screen (ids, not a time: two messages
 * in the same second, one arriving after the thread was drawn, are told apart), and the newest of
 * them, whose read receipt goes to Meta.
 */
export const ZMarkThreadSeenSchema = z.object({
  customerId: ZCustomerIdSchema,
  upToMessageId: ZMessageIdSchema,
  shownIds: z.array(ZMessageIdSchema).min(1).max(THREAD_MESSAGE_LIMIT),
});

export type TMarkThreadSeen = z.infer<typeof ZMarkThreadSeenSchema>;
