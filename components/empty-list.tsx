import Link from "next/link";

type TProps = { message: string; action: { href: string; label: string } | null; testId: string };

/** What an admin list shows instead of rows: why it is empty, and the way out of it. */
export function EmptyList({ message, action, testId }: TProps) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600" data-testid={testId}>
      <p>{message}</p>
      {action ? (
        <Link href={action.href} className="mt-3 inline-block font-medium text-brand-700 hover:underline">
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
