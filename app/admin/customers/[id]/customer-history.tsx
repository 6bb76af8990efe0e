// What happened to the customer's record: edits, offered details applied or ignored, channels
// the customer proved, merges. Each names who did it, when, what changed and the quote involved.
import Link from "next/link";
import { Timeline } from "@/components/timeline";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { contactFieldLabel, contactFieldValue } from "@/lib/customers/contact-fields";
import { CUSTOMER_HISTORY_LIMIT, type TCustomerDetail } from "@/lib/customers/queries";
import { formatDateTime } from "@/lib/format";

type TEvent = TCustomerDetail["events"][number];

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function headline(event: TEvent): string {
  const label = contactFieldLabel(event.field);
  switch (event.kind) {
    case "edited":
      return `${upperFirst(label)} changed`;
    case "offer_applied":
      return `Offered ${label} applied`;
    case "offer_ignored":
      return `Offered ${label} ignored`;
    case "verified":
      return `${upperFirst(label)} verified`;
    case "merged":
      return "Another customer merged into this one";
    default:
      return upperFirst(event.kind.replace(/_/g, " "));
  }
}

function change(event: TEvent): string | null {
  if (!event.field) return null;
  const to = contactFieldValue(event.field, event.toValue);
  if (event.kind === "edited" || event.kind === "offer_applied") return `${contactFieldValue(event.field, event.fromValue)} → ${to}`;
  return to;
}

// Without an admin, the customer proved a channel themselves, or the system joined two records.
const who = (event: TEvent) => (event.actor ? `by ${event.actor.name}` : event.kind === "verified" ? "by the customer" : "automatically");

export function CustomerHistory({ events }: { events: TCustomerDetail["events"] }) {
  return (
    <Card aria-labelledby="customer-history-heading">
      <CardHeader>
        <CardTitle id="customer-history-heading">Customer history</CardTitle>
        <span className="text-sm text-slate-500 tabular-nums">{events.length}</span>
      </CardHeader>
      <CardContent>
        {events.length === 0 ? (
          <p className="text-sm text-slate-500">No changes to this customer’s details yet.</p>
        ) : (
          <Timeline testId="customer-history" label="Changes to this customer">
            {events.map((event) => {
              const changed = change(event);
              return (
                <li key={event.id} className="text-sm" data-testid="customer-event">
                  <p className="font-medium">
                    {headline(event)}
                    {event.quote ? (
                      <>
                        {" "}
                        (
                        <Link href={`/admin/quotes/${event.quote.id}`} className="text-brand-700 hover:underline">
                          {event.quote.number}
                        </Link>
                        )
                      </>
                    ) : null}
                  </p>
                  {changed ? <p className="break-words text-slate-800">{changed}</p> : null}
                  {event.note ? <p className="break-words whitespace-pre-wrap text-slate-700">{event.note}</p> : null}
                  <p className="text-slate-500">
                    {formatDateTime(event.createdAt)} · {who(event)}
                  </p>
                </li>
              );
            })}
          </Timeline>
        )}
        {events.length === CUSTOMER_HISTORY_LIMIT ? <p className="mt-3 text-xs text-slate-500">Showing the latest {CUSTOMER_HISTORY_LIMIT} changes.</p> : null}
      </CardContent>
    </Card>
  );
}
