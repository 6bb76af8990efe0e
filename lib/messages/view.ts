// The shape a message takes in the browser: plain JSON, dates as ISO strings.
import type { TMessageRow } from "@/lib/messages/queries";
import { toInboundView, type TInboundView } from "@/lib/messages/inbound-view";

export type TMessageView = {
  id: string;
  channel: string;
  direction: string;
  kind: string;
  body: string | null;
  template: { name: string; language: string | null; parameters: string[] } | null;
  status: string;
  sentBy: string;
  createdAt: string;
  times: { status: string; at: string }[];
  error: { code: string | null; title: string | null; detail: string | null } | null;
  /** What a customer's message holds, for components/inbound-message.tsx; null for ours. */
  inboundContent: TInboundView | null;
};

/** Statuses that may still change, so the page keeps asking for news. */
export const PENDING_STATUSES = new Set(["queued", "sending", "accepted", "sent", "delivered"]);

export function toMessageView(row: TMessageRow): TMessageView {
  const times = (
    [
      ["accepted", row.acceptedAt],
      ["sent", row.sentAt],
      ["delivered", row.deliveredAt],
      ["read", row.readAt],
      ["failed", row.failedAt],
    ] as const
  ).flatMap(([status, at]) => (at ? [{ status, at: at.toISOString() }] : []));
  return {
    id: row.id,
    channel: row.channel,
    direction: row.direction,
    kind: row.kind,
    body: row.body,
    template: row.templateName
      ? { name: row.templateName, language: row.templateLanguage, parameters: row.templateParams ? (JSON.parse(row.templateParams) as string[]) : [] }
      : null,
    status: row.status,
    sentBy: row.direction === "inbound" ? "Customer" : (row.sentBy?.name ?? (row.origin.startsWith("system") ? "Automatic" : row.origin)),
    createdAt: row.createdAt.toISOString(),
    times,
    // An inbound message's error columns hold why WhatsApp could not pass it on: its content says so.
    error: row.direction !== "inbound" && (row.errorCode || row.errorTitle) ? { code: row.errorCode, title: row.errorTitle, detail: row.errorDetail } : null,
    inboundContent: row.direction === "inbound" ? toInboundView(row) : null,
  };
}
