// Who may do what. Owners run the installation (settings, admins); staff do the daily work.
// Client-safe and a leaf: the session, the action wrapper, the mail catcher and the admin forms use it.
export const ADMIN_ROLES = ["owner", "staff"] as const;
export type TAdminRole = (typeof ADMIN_ROLES)[number];

export const ROLE_LABELS: Record<TAdminRole, string> = { owner: "Owner", staff: "Staff" };

export function isAdminRole(value: unknown): value is TAdminRole {
  return typeof value === "string" && (ADMIN_ROLES as readonly string[]).includes(value);
}

/** Settings and admin management are the owner's. */
export function canManageSettings(role: TAdminRole): boolean {
  return role === "owner";
}

/** A stored role, read defensively: anything unknown gets the smaller set of rights. */
export function roleOf(value: unknown): TAdminRole {
  return isAdminRole(value) ? value : "staff";
}
