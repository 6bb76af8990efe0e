// Reads for Settings → Admins: the accounts and their recent history.
import "server-only";
import { db } from "@/lib/db";
import { roleOf, type TAdminRole } from "@/lib/roles";

export type TAdminStatus = "active" | "invited" | "deactivated";
export type TAdminListRow = { id: string; email: string; name: string; role: TAdminRole; status: TAdminStatus; lastLoginAt: Date | null; createdAt: Date };

export async function listAdmins(): Promise<TAdminListRow[]> {
  const rows = await db.adminUser.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, email: true, name: true, role: true, deactivatedAt: true, lastLoginAt: true, createdAt: true, passwordHash: true },
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: roleOf(row.role),
    status: row.deactivatedAt ? "deactivated" : row.passwordHash ? "active" : "invited",
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
  }));
}

export const ADMIN_HISTORY_SIZE = 100;

export function listAdminEvents(take = ADMIN_HISTORY_SIZE) {
  return db.adminEvent.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      action: true,
      detail: true,
      createdAt: true,
      admin: { select: { email: true, name: true } },
      actor: { select: { email: true, name: true } },
    },
  });
}
