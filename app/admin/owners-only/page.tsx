import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Owners only" };

/** Where requireOwner() sends staff: a plain explanation instead of an error. */
export default async function OwnersOnlyPage() {
  await requireAdmin("/admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Only owners can open this page</h1>
      <Alert tone="info" data-testid="owners-only">
        Settings and the list of admins are managed by the owners of this installation. Ask an owner if something there needs to change.
      </Alert>
      <Link href="/admin" className="font-medium text-brand-700 hover:underline">
        Back to the dashboard
      </Link>
    </div>
  );
}
