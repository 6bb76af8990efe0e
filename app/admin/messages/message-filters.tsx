"use client";

import { useTransition } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { X } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import {
  ATTENTION,
  AUDIT_EVENT_OPTIONS,
  AUDIT_LIST_PATH,
  CHANNEL_LABEL,
  DIRECTION_LABEL,
  isFiltered,
  MESSAGE_CHANNELS,
  MESSAGE_DIRECTIONS,
  MESSAGE_STATUS_LABEL,
  MESSAGE_STATUSES,
  type TAuditListParams,
} from "@/lib/messages/audit-params";

type TOption = { value: string; label: string };

const CHANNEL_OPTIONS = MESSAGE_CHANNELS.map((value) => ({ value, label: CHANNEL_LABEL[value] }));
const DIRECTION_OPTIONS = MESSAGE_DIRECTIONS.map((value) => ({ value, label: DIRECTION_LABEL[value] }));
const STATUS_OPTIONS = [{ value: ATTENTION, label: "Needs attention" }, ...MESSAGE_STATUSES.map((value) => ({ value, label: MESSAGE_STATUS_LABEL[value] }))];

/**
 * The audit log's filters. Each writes the URL at once, keeping the others and going back to
 * page 1, so every view can be bookmarked. Two columns on a phone, one row from tablet width.
 */
export function MessageFilters({ params }: { params: TAuditListParams }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();

  function apply(name: string, value: string) {
    const next = new URLSearchParams(searchParams.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete("page");
    const query = next.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname));
  }

  return (
    <form aria-label="Filter messages" aria-busy={isPending} className="grid grid-cols-2 gap-2 md:flex md:flex-wrap md:items-end" onSubmit={(event) => event.preventDefault()}>
      <Choice id="message-status" label="Status" allLabel="All statuses" value={params.status} options={STATUS_OPTIONS} onChange={(value) => apply("status", value)} />
      <Choice id="message-channel" label="Channel" allLabel="All channels" value={params.channel} options={CHANNEL_OPTIONS} onChange={(value) => apply("channel", value)} />
      <Choice id="message-direction" label="Direction" allLabel="Sent and received" value={params.direction} options={DIRECTION_OPTIONS} onChange={(value) => apply("direction", value)} />
      <Choice id="message-event" label="Reason" allLabel="Any reason" value={params.event} options={AUDIT_EVENT_OPTIONS} onChange={(value) => apply("event", value)} />
      <DateField id="message-from" label="From" value={params.from} max={params.to} onChange={(value) => apply("from", value)} />
      <DateField id="message-to" label="To" value={params.to} min={params.from} onChange={(value) => apply("to", value)} />
      {isFiltered(params) ? (
        <Link href={AUDIT_LIST_PATH} className={buttonVariants({ variant: "ghost", className: "col-span-2 md:col-span-1" })}>
          <X aria-hidden /> Clear filters
        </Link>
      ) : null}
    </form>
  );
}

type TChoiceProps = { id: string; label: string; allLabel: string; value: string | undefined; options: TOption[]; onChange: (value: string) => void };

function Choice({ id, label, allLabel, value, options, onChange }: TChoiceProps) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Select id={id} value={value ?? ""} onChange={(event) => onChange(event.target.value)} className="md:w-44">
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

type TDateProps = { id: string; label: string; value: string | undefined; min?: string; max?: string; onChange: (value: string) => void };

// While a year is typed, a browser's date field reports 0002-…, 0020-…: wait for a whole year
// instead of loading the list four times.
const isWholeDate = (value: string) => value === "" || Number(value.slice(0, 4)) >= 1900;

// Dates are days in the business's time zone (lib/messages/audit-params.ts); "To" includes its day.
function DateField({ id, label, value, min, max, onChange }: TDateProps) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-500">
        {label}
      </label>
      <Input id={id} type="date" key={value ?? ""} defaultValue={value ?? ""} min={min} max={max} onChange={(event) => (isWholeDate(event.target.value) ? onChange(event.target.value) : null)} className="md:w-40" />
    </div>
  );
}
