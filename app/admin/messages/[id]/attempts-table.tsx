import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { TAuditMessage } from "@/lib/messages/audit-queries";
import { attemptOutcomeLabel } from "./delivery-words";

const CHANNEL_LABEL: Record<string, string> = { whatsapp: "WhatsApp", email: "Email" };

/** Every try at sending, oldest first: the channel, how long it took, what came back. */
export function AttemptsTable({ attempts }: { attempts: TAuditMessage["sendAttempts"] }) {
  if (attempts.length === 0) return <p className="px-4 py-4 text-sm text-slate-500">Not tried yet.</p>;
  return (
    <Table data-testid="message-attempts">
      <caption className="sr-only">Send attempts, oldest first</caption>
      <TableHeader>
        <tr>
          <TableHead>#</TableHead>
          <TableHead>Channel</TableHead>
          <TableHead>Started</TableHead>
          <TableHead>Finished</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead>Error</TableHead>
          <TableHead>Provider id and answer</TableHead>
        </tr>
      </TableHeader>
      <TableBody>
        {attempts.map((attempt, index) => (
          <TableRow key={attempt.id} className="align-top">
            <TableCell className="tabular-nums">{attempt.number}</TableCell>
            <TableCell>{CHANNEL_LABEL[attempt.channel] ?? attempt.channel}</TableCell>
            <TableCell className="whitespace-nowrap">{formatDateTime(attempt.startedAt)}</TableCell>
            <TableCell className="whitespace-nowrap">{attempt.finishedAt ? formatDateTime(attempt.finishedAt) : "Not finished"}</TableCell>
            <TableCell className="whitespace-nowrap">{attemptOutcomeLabel(attempts, index)}</TableCell>
            <TableCell className="min-w-48">
              {attempt.errorTitle || attempt.errorCode ? (
                <>
                  <p className="font-medium text-red-800">
                    {attempt.errorTitle ?? "Error"}
                    {attempt.errorCode ? ` (code ${attempt.errorCode})` : null}
                  </p>
                  {attempt.errorDetail ? <p className="text-slate-700">{attempt.errorDetail}</p> : null}
                </>
              ) : (
                "—"
              )}
            </TableCell>
            <TableCell className="min-w-48 break-all">
              {attempt.providerMessageId ? <p className="font-mono text-xs">{attempt.providerMessageId}</p> : null}
              {attempt.response ? <p className="font-mono text-xs whitespace-pre-wrap text-slate-600">{attempt.response}</p> : null}
              {!attempt.providerMessageId && !attempt.response ? "—" : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
