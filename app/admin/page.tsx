import { requireAdmin } from "@/lib/auth/session";

export default async function DashboardPage() {
  await requireAdmin("/admin");
  return <h1 className="text-2xl font-semibold">Dashboard</h1>;
}
