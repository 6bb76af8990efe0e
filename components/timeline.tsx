import type { ReactNode } from "react";

/** A record's history as a line down the left, oldest or newest first as the caller orders it. */
export function Timeline({ testId, label, children }: { testId: string; label?: string; children: ReactNode }) {
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4" data-testid={testId} aria-label={label}>
      {children}
    </ol>
  );
}

export type TTimelineEntry = {
  id: string;
  /** What happened. */
  title: ReactNode;
  /** When, and by whom. */
  meta: ReactNode;
  /** Words kept with it (a note, the sentence agreed to), shown as written. */
  text?: ReactNode;
};

/** A headed history of simple entries (what, when and who, and any words kept), or a line saying there is none yet. */
export function TimelineSection({ heading, empty, testId, entries }: { heading: string; empty: string; testId: string; entries: TTimelineEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-slate-800">{heading}</h3>
      <Timeline testId={testId}>
        {entries.map((entry) => (
          <li key={entry.id} className="text-sm">
            <p className="font-medium">{entry.title}</p>
            <p className="text-slate-500">{entry.meta}</p>
            {entry.text ? <p className="whitespace-pre-wrap text-slate-700">{entry.text}</p> : null}
          </li>
        ))}
      </Timeline>
    </div>
  );
}
