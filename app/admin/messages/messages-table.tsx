import Link from "next/link";
import { AlertTriangle, ArrowDownLeft, ArrowUpRight, Mail, MessageCircle } from "lucide-react";
import { Table, TableHead } from "@/components/ui/table";
import { MessageStatusBadge } from "@/components/message-status-badge";
import { cn } from "@/lib/cn";
import { formatDateTime } from "@/lib/format";
import { needsAttention } from "@/lib/messages/audit-params";
import type { TAuditListRow } from "@/lib/messages/audit-queries";
import type { TSendAgainVerdict } from "@/lib/outbox/send-again-rule";
import { messageHeadline, messageSender } from "./message-summary";
import { RetryMessageButton } from "./retry-message-button";

// As the quote list: a table from tablet width up, a card per row on a phone, where the whole
// card opens the message. The links to the customer, quote and order and the retry button (or,
// where a retry cannot succeed yet, what to fix first) sit above that card-wide link (relative
// z-10) so they stay their own targets.
const ROW = "relative grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 rounded-lg border bg-white p-3 md:table-row md:rounded-none md:border-0 md:p-0";
// Needing attention: red, with a thick left edge (on the card, or on the first cell in a table).
const ATTENTION_ROW = "border-red-300 border-l-4 border-l-red-500 bg-red-50 md:hover:bg-red-100/70";
const NORMAL_ROW = "border-slate-200 md:hover:bg-slate-50";
const REF_LINK = "relative z-10 text-brand-700 hover:underline";

type TSendAgainVerdicts = ReadonlyMap<string, TSendAgainVerdict>;

/**
 * The audit log's rows: messages needing attention first (marked red), then newest first.
 * `sendAgain` holds the send-again verdict of each row needing attention (lib/outbox/send-again).
 */
export function MessagesTable({ rows, sendAgain }: { rows: TAuditListRow[]; sendAgain: TSendAgainVerdicts }) {
  return (
    <div className="md:rounded-lg md:border md:border-slate-200 md:bg-white">
      <Table className="block md:table md:[&_td]:px-3 md:[&_td]:py-2 md:[&_td]:align-top">
        <caption className="sr-only">Messages, those needing attention first, then newest first</caption>
        <thead className="hidden border-b border-slate-200 bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase md:table-header-group">
          <tr>
            <TableHead>Message</TableHead>
            <TableHead>Customer</TableHead>
            <TableHead>About</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>When</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </tr>
        </thead>
        <tbody className="block space-y-2 md:table-row-group md:space-y-0 md:divide-y md:divide-slate-100">
          {rows.map((row) => (
            <MessageRow key={row.id} row={row} sendAgain={sendAgain.get(row.id)} />
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function MessageRow({ row, sendAgain }: { row: TAuditListRow; sendAgain: TSendAgainVerdict | undefined }) {
  const attention = needsAttention(row);
  const blocked = attention && sendAgain && !sendAgain.possible ? sendAgain : null;
  return (
    <tr className={cn(ROW, attention ? ATTENTION_ROW : NORMAL_ROW)} data-testid="message-row" data-attention={attention || undefined}>
      <td className={cn("order-1 min-w-0 md:max-w-[22rem]", attention && "md:border-l-4 md:border-l-red-500")}>
        <div className="flex items-center gap-1.5 text-xs text-slate-500">
          <ChannelIcon channel={row.channel} />
          {row.direction === "inbound" ? <ArrowDownLeft className="size-3.5" aria-label="Received" /> : <ArrowUpRight className="size-3.5" aria-label="Sent" />}
          <span className="truncate">{messageSender(row)}</span>
        </div>
        {/* On a phone the whole card is the link: a big target for a thumb. */}
        <Link href={`/admin/messages/${row.id}`} className="block truncate font-medium text-slate-900 hover:underline max-md:after:absolute max-md:after:inset-0">
          {messageHeadline(row)}
        </Link>
      </td>
      <td className="order-3 min-w-0 text-sm">
        {row.customer ? (
          <Link href={`/admin/customers/${row.customer.id}`} className={REF_LINK}>
            {row.customer.name}
          </Link>
        ) : (
          <span className="text-slate-500">No customer</span>
        )}
        {row.recipient ? <div className="truncate text-xs text-slate-500">{row.recipient}</div> : null}
      </td>
      <td className="order-4 space-x-2 text-sm whitespace-nowrap max-md:justify-self-end md:space-y-0.5 md:space-x-0">
        {row.quote ? (
          <Link href={`/admin/quotes/${row.quote.id}`} className={cn(REF_LINK, "md:block")}>
            {row.quote.number}
          </Link>
        ) : null}
        {row.order ? (
          <Link href={`/admin/orders/${row.order.id}`} className={cn(REF_LINK, "md:block")}>
            {row.order.number}
          </Link>
        ) : null}
        {!row.quote && !row.order ? <span className="text-slate-400">—</span> : null}
      </td>
      <td className="order-2 justify-self-end md:max-w-[16rem]">
        <div className="flex flex-wrap items-center justify-end gap-1 md:justify-start">
          {attention ? (
            <span className="inline-flex items-center text-red-700" title="Needs attention">
              <AlertTriangle className="size-4" aria-hidden />
              <span className="sr-only">Needs attention: </span>
            </span>
          ) : null}
          <MessageStatusBadge status={row.status} />
        </div>
        {row.errorTitle ? <p className="mt-0.5 hidden text-xs text-red-800 md:block">{row.errorTitle}</p> : null}
      </td>
      <td className="order-5 text-sm whitespace-nowrap text-slate-500">
        <span className="md:hidden">{row.direction === "inbound" ? "Received " : "Created "}</span>
        {formatDateTime(row.createdAt)}
        {row.attempts > 1 ? <span className="block text-xs">{row.attempts} tries</span> : null}
      </td>
      {blocked ? (
        <td className="order-8 col-span-2 text-xs text-slate-700 md:max-w-[16rem]" data-testid="send-again-blocked">
          <span className="font-medium">Sending again would fail the same way.</span> <span className="font-medium">Fix first: </span>
          {blocked.fix}
          {row.customer ? (
            <>
              {" "}
              <Link href={`/admin/customers/${row.customer.id}`} className={cn(REF_LINK, "underline")}>
                Open {row.customer.name}
              </Link>
            </>
          ) : null}
        </td>
      ) : (
        <td className="order-6 justify-self-end md:text-right">
          {attention ? <RetryMessageButton messageId={row.id} status={row.status} attempts={row.attempts} recipientName={row.customer?.name} size="sm" /> : null}
        </td>
      )}
      {row.errorTitle ? <td className="order-7 col-span-2 text-xs text-red-800 md:hidden">{row.errorTitle}</td> : null}
    </tr>
  );
}

function ChannelIcon({ channel }: { channel: string }) {
  return channel === "whatsapp" ? (
    <MessageCircle className="size-3.5 text-emerald-600" aria-label="WhatsApp" />
  ) : (
    <Mail className="size-3.5 text-sky-600" aria-label="Email" />
  );
}
