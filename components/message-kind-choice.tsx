"use client";

type TKind = "text" | "template";

/** Free text or a template: offered only inside the 24-hour window, where both are allowed. */
export function MessageKindChoice({ name, kind, onKind }: { name: string; kind: TKind; onKind: (kind: TKind) => void }) {
  return (
    <fieldset className="flex gap-4 text-sm">
      <legend className="sr-only">Kind of message</legend>
      {(["text", "template"] as const).map((value) => (
        <label key={value} className="flex items-center gap-2">
          <input type="radio" name={name} value={value} checked={kind === value} onChange={() => onKind(value)} />
          {value === "text" ? "Free text" : "Template"}
        </label>
      ))}
    </fieldset>
  );
}
