import Link from "next/link";
import { IconSprite, type TIconData } from "@/components/icon";
import "./list-table.css";

type TProps = {
  /** For screen readers: what the table lists and in which order. */
  caption: string;
  /** The header cells (`<TableHead>`, `<SortableHead>`). */
  head: React.ReactNode;
  /** The rows: `<tr>` of plain `<td>`s, placed in the phone's card by the list's own CSS. */
  children: React.ReactNode;
  /** Icons repeated on the rows (`<SpriteIcon>`): drawn once for the page. */
  icons?: TIconData[];
  /** The list's own class, under which its CSS places each column in the phone's card. */
  className: string;
};

/**
 * An admin list's table: its look lives in list-table.css, so the rows carry only their data.
 * Links inside a list say `prefetch={false}`: Next prefetches every link in view, and a list page
 * has about 35 (rows, sort headers, pages), each a request costing the server about as much as the
 * floor route: together several times the page itself, for clicks that mostly never come.
 */
export function ListTable({ caption, head, children, icons, className }: TProps) {
  return (
    <div className={`list-table ${className}`}>
      {icons ? <IconSprite icons={icons} /> : null}
      <div className="w-full overflow-x-auto">
        <table>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>{head}</tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </div>
  );
}

/** A row's first cell: the record's number, linking to its page (not prefetched: see above). */
export function RecordLinkCell({ href, number }: { href: string; number: string }) {
  return (
    <td>
      <Link href={href} prefetch={false}>
        {number}
      </Link>
    </td>
  );
}

/** The customer's name over the contact the list shows for them. */
export function CustomerCell({ name, contact }: { name: string; contact: string }) {
  return (
    <td className="two-lines">
      <div>{name}</div>
      <div>{contact}</div>
    </td>
  );
}
