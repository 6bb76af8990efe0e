// The session check every admin page, server action and route handler makes itself. The proxy's
// redirect to /login is a convenience; these functions are the guard.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { canManageSettings, roleOf, type TAdminRole } from "@/lib/roles";

export type TAdmin = { id: string; email: string; name: string; role: TAdminRole };

/**
 * The signed-in admin, checked against the database on every request (one primary-key read,
 * shared by the layout and the page through `cache`): a deactivated admin, or a session from
 * before a password change, reset or deactivation (an older sessionVersion), is signed out at
 * once, and a role change applies to the next request.
 */
export const getAdmin = cache(async (): Promise<TAdmin | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id || typeof user.sessionVersion !== "number") return null;
  const row = await db.adminUser.findUnique({
    where: { id: user.id },
    select: { id: true, email: true, name: true, role: true, sessionVersion: true, deactivatedAt: true },
  });
  if (!row || row.deactivatedAt || row.sessionVersion !== user.sessionVersion) return null;
  return { id: row.id, email: row.email, name: row.name || row.email, role: roleOf(row.role) };
});

/** For pages: the signed-in admin, or a redirect to the login page. */
export async function requireAdmin(callbackPath = "/admin"): Promise<TAdmin> {
  const admin = await getAdmin();
  if (!admin) redirect(`/login?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return admin;
}

/** For owner-only pages (settings, admins): staff are shown a plain "owners only" page. */
export async function requireOwner(callbackPath = "/admin"): Promise<TAdmin> {
  const admin = await requireAdmin(callbackPath);
  if (!canManageSettings(admin.role)) redirect("/admin/owners-only");
  return admin;
}
