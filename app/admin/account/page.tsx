import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/roles";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const admin = await requireAdmin("/admin/account");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Your account</h1>
        <p className="text-slate-600">
          {admin.name} · {admin.email} · {ROLE_LABELS[admin.role]}
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Change password</CardTitle>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm email={admin.email} />
        </CardContent>
      </Card>
    </div>
  );
}
