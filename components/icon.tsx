// Icons drawn on the server as plain SVG. lucide-react 1.x marks its Icon component "use client",
// so every icon a server component renders becomes a client component: its drawing is sent twice
// (in the HTML and again, with all its props, in the RSC payload) and React hydrates it. On a list
// page of 25 rows that was a fifth of the bytes. These take lucide's drawing of an icon (see
// `iconData`) and render nothing but SVG.
import { createElement } from "react";
import type { LucideIconData } from "lucide-react";

export type TIconData = LucideIconData & { name: string };

/**
 * The drawing in one of lucide-react's per-icon modules (`import * as mail from
 * "lucide-react/icons/mail"`). Each exports it as `__iconData`, which its type declarations leave
 * out; checked here so a lucide-react upgrade that drops it fails at start-up, not with blank icons.
 */
export function iconData(module: object): TIconData {
  const data = (module as { __iconData?: TIconData }).__iconData;
  if (!data?.name || !Array.isArray(data.node)) throw new Error("lucide-react no longer exports __iconData from its icon modules");
  return data;
}

// lucide's look: 24-unit grid, 2-unit round strokes in the text colour.
const STROKE = { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;

const shapes = (icon: TIconData) => icon.node.map(([tag, attributes]) => createElement(tag, attributes));

/** One icon, drawn in place (for icons used once or twice on a page). */
export function Icon({ icon, className }: { icon: TIconData; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" width={24} height={24} {...STROKE} className={className} aria-hidden>
      {shapes(icon)}
    </svg>
  );
}

const symbolId = (icon: TIconData) => `icon-${icon.name}`;

/**
 * The drawings of icons repeated on every row of a list, once per page: each row then refers to
 * one (`<SpriteIcon>`), a few bytes instead of the whole drawing.
 */
export function IconSprite({ icons }: { icons: TIconData[] }) {
  return (
    <svg width={0} height={0} className="absolute" aria-hidden>
      {icons.map((icon) => (
        <symbol key={icon.name} id={symbolId(icon)} viewBox="0 0 24 24" {...STROKE}>
          {shapes(icon)}
        </symbol>
      ))}
    </svg>
  );
}

/** An icon whose drawing is in this page's `<IconSprite>`. */
export function SpriteIcon({ icon, className }: { icon: TIconData; className?: string }) {
  return (
    <svg width={24} height={24} className={className} aria-hidden>
      <use href={`#${symbolId(icon)}`} />
    </svg>
  );
}
