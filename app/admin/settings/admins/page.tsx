import type { Metadata } from "next";
import { requireOwner } from "@/lib/auth/session";
import { listAdminEvents, listAdmins, type TAdminStatus } from "@/lib/admins/queries";
import { describeAdminEvent } from "@/lib/admins/history";
import { ROLE_LABELS } from "@/lib/roles";
import { formatDateTime } from "@/lib/format";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AdminRowActions } from "./admin-row-actions";
import { InviteAdminForm } from "./invite-form";

export const metadata: Metadata = { title: "Admins" };

const STATUS: Record<TAdminStatus, { label: string; tone: TBadgeTone }> = {
  active: { label: "Active", tone: "success" },
  invited: { label: "Invited", tone: "info" },
  deactivated: { label: "Deactivated", tone: "neutral" },
};

export default async function AdminsPage() {
  const owner = await requireOwner("/admin/settings/admins");
  const [admins, events] = await Promise.all([listAdmins(), listAdminEvents()]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Admins</h1>
        <p className="text-slate-600">Owners manage settings and admins; staff answer quotes, run orders and message customers. There is always at least one active owner.</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Invite an admin</CardTitle>
        </CardHeader>
        <CardContent>
          <InviteAdminForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Accounts</CardTitle>
        </CardHeader>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Admin</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Last sign-in</TableHead>
              <TableHead>Role and access</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {admins.map((admin) => (
              <TableRow key={admin.id} data-testid="admin-row">
                <TableCell>
                  <div className="font-medium">{admin.name || "(not set yet)"}</div>
                  <div className="text-sm text-slate-500">{admin.email}</div>
                </TableCell>
                <TableCell>
                  <Badge tone={STATUS[admin.status].tone}>{STATUS[admin.status].label}</Badge> <span className="text-sm text-slate-500">{ROLE_LABELS[admin.role]}</span>
                </TableCell>
                <TableCell className="text-sm">{admin.lastLoginAt ? formatDateTime(admin.lastLoginAt) : "Never"}</TableCell>
                <TableCell>
                  <AdminRowActions adminId={admin.id} email={admin.email} role={admin.role} status={admin.status} isSelf={admin.id === owner.id} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>History</CardTitle>
        </CardHeader>
        <CardContent>
          {events.length === 0 ? (
            <p className="text-sm text-slate-500">No changes yet.</p>
          ) : (
            <ol className="space-y-2 text-sm" data-testid="admin-history">
              {events.map((event) => (
                <li key={event.id}>
                  <span className="text-slate-500">{formatDateTime(event.createdAt)}</span> · {describeAdminEvent(event)}
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
