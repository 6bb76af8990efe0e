// The message audit log's view, read from the URL so it can be bookmarked and shared. Anything
// unreadable falls back to its default instead of failing the page. Client-safe: the filters use
// it too, which is why the business time zone is passed in rather than read from lib/env.
import { z } from "zod";
import { listHref, zOptionalChoice, zPage, type TSearchParams } from "@/lib/list-params";
import { eventLabel, NOTIFICATION_EVENTS } from "@/lib/notifications/events";
import { addDays, startOfDayIn } from "@/lib/calendar";

export const MESSAGE_CHANNELS = ["whatsapp", "email"] as const;
export const MESSAGE_DIRECTIONS = ["outbound", "inbound"] as const;
export const MESSAGE_STATUSES = ["queued", "sending", "uncertain", "accepted", "sent", "delivered", "read", "failed", "received"] as const;
export type TMessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Statuses nobody will move on by themselves: a failed send, or one that may or may not have gone out. */
export const ATTENTION_STATUSES = ["failed", "uncertain"] as const satisfies readonly TMessageStatus[];
/** The status filter's extra choice: failed or uncertain. */
export const ATTENTION = "attention";
/** The event filter's extra choice: sent by an admin, by hand. */
export const MANUAL = "manual";

export const CHANNEL_LABEL: Record<(typeof MESSAGE_CHANNELS)[number], string> = { whatsapp: "WhatsApp", email: "Email" };
export const DIRECTION_LABEL: Record<(typeof MESSAGE_DIRECTIONS)[number], string> = { outbound: "Sent", inbound: "Received" };
export const MESSAGE_STATUS_LABEL: Record<TMessageStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  uncertain: "Uncertain",
  accepted: "Accepted",
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
  failed: "Failed",
  received: "Received",
};

export const AUDIT_EVENT_OPTIONS = [
  { value: MANUAL, label: "Sent by hand" },
  ...NOTIFICATION_EVENTS.map((event) => ({ value: event, label: eventLabel(event) })),
];

/** Twice the other lists': a message is one short line, and an admin scans for red ones. */
export const AUDIT_PAGE_SIZE = 50;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day (2026-02-30 is not), as the browser's date input writes it. */
const isCalendarDate = (value: string) => DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const ZDate = z.preprocess(first, z.string().refine(isCalendarDate).optional().catch(undefined));

export const ZAuditListParamsSchema = z
  .object({
    channel: zOptionalChoice(MESSAGE_CHANNELS),
    direction: zOptionalChoice(MESSAGE_DIRECTIONS),
    status: zOptionalChoice([ATTENTION, ...MESSAGE_STATUSES]),
    event: zOptionalChoice([MANUAL, ...NOTIFICATION_EVENTS]),
    from: ZDate,
    to: ZDate,
    page: zPage,
  })
  // Dates typed the wrong way round still mean the days between them.
  .transform((params) => (params.from && params.to && params.from > params.to ? { ...params, from: params.to, to: params.from } : params));

export type TAuditListParams = z.infer<typeof ZAuditListParamsSchema>;

export function parseAuditListParams(searchParams: TSearchParams): TAuditListParams {
  return ZAuditListParamsSchema.parse(searchParams);
}

export const AUDIT_LIST_PATH = "/admin/messages";

const FILTER_KEYS = ["channel", "direction", "status", "event", "from", "to"] as const;

export const isFiltered = (params: TAuditListParams) => FILTER_KEYS.some((key) => Boolean(params[key]));

/** The list's URL with some parameters changed; defaults are left out to keep URLs short. */
export function auditListHref(params: TAuditListParams, change: Partial<TAuditListParams> = {}): string {
  const next = { ...params, ...change };
  return listHref(AUDIT_LIST_PATH, [...FILTER_KEYS.map((key) => [key, next[key]] as [string, string | undefined]), ["page", next.page, 1]]);
}

/** Whether a message waits for a person: only an outbound send can fail or be uncertain. */
export function needsAttention(message: { status: string; direction: string }): boolean {
  return message.direction === "outbound" && (ATTENTION_STATUSES as readonly string[]).includes(message.status);
}

const nextDay = (date: string) => addDays(date, 1);

/** The createdAt range the from/to days cover, both days included, in the business's time zone. */
export function createdRange(params: Pick<TAuditListParams, "from" | "to">, timeZone: string): { gte?: Date; lt?: Date } {
  return {
    ...(params.from ? { gte: startOfDayIn(params.from, timeZone) } : {}),
    ...(params.to ? { lt: startOfDayIn(nextDay(params.to), timeZone) } : {}),
  };
}
