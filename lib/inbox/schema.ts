// The inbox's inputs: which conversations to list, and the id of a thread.
import { z } from "zod";
import { ZTextSchema } from "@/lib/zod/text";

export const INBOX_FILTERS = ["all", "unread", "waiting"] as const;
export type TInboxFilter = (typeof INBOX_FILTERS)[number];

export const INBOX_FILTER_LABEL: Record<TInboxFilter, string> = {
  all: "All",
  unread: "Unread",
  waiting: "Waiting for us",
};

/** A filter from the URL; anything else is the whole list rather than an error page. */
export const ZInboxFilterSchema = z.enum(INBOX_FILTERS).catch("all");

export const ZCustomerIdSchema = ZTextSchema.min(1).max(64);

/** What the thread has shown: its newest inbound message, the one admins have now read up to. */
export const ZMarkThreadSeenSchema = z.object({
  customerId: ZCustomerIdSchema,
  upToMessageId: ZTextSchema.min(1).max(64),
});

export type TMarkThreadSeen = z.infer<typeof ZMarkThreadSeenSchema>;
