import Link from "next/link";
import { Icon } from "@/components/icon";
import { ICON } from "@/components/icon-data";
import { TableHead } from "@/components/ui/table";
import type { TSortDirection } from "@/lib/list-params";

type TProps = { label: string; href: string; active: boolean; dir: TSortDirection; className?: string };

/** A column header of an admin list that sorts by its column: a link to the list in that order. */
export function SortableHead({ label, href, active, dir, className }: TProps) {
  const icon = !active ? ICON.arrowUpDown : dir === "asc" ? ICON.arrowUp : ICON.arrowDown;
  return (
    <TableHead className={className} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={href} prefetch={false} className="inline-flex items-center gap-1 hover:text-slate-900">
        {label}
        <Icon icon={icon} className={active ? "size-3" : "size-3 opacity-40"} />
        <span className="sr-only">{active ? ", sorted; change direction" : ", sort by this column"}</span>
      </Link>
    </TableHead>
  );
}
