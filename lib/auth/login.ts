// Credential check with a per-account lockout: after LOGIN_MAX_ATTEMPTS failures in a row the
// account refuses every password until the lockout ends, and says so.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { verifyPassword } from "@/lib/auth/password";

export type TAdminIdentity = { id: string; email: string; name: string; role: string };

export type TLoginResult =
  | { ok: true; admin: TAdminIdentity }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; lockedUntil: Date };

// A real hash to compare against when the email is unknown, so both paths take the same time.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$2HApu2v8RBUgfsvIvLj/Fw$+EiGCUjz3f+PzO87O+3v1HyHxaFIjSZyiVU08CCbhqc";

export async function checkAdminLogin(email: string, password: string, now = new Date()): Promise<TLoginResult> {
  const admin = await db.adminUser.findUnique({
    where: { email: email.trim().toLowerCase() },
    omit: { passwordHash: false },
  });
  if (!admin) {
    await verifyPassword(DUMMY_HASH, password);
    return { ok: false, reason: "invalid" };
  }
  if (admin.lockedUntil && admin.lockedUntil > now) {
    return { ok: false, reason: "locked", lockedUntil: admin.lockedUntil };
  }
  if (!(await verifyPassword(admin.passwordHash, password))) {
    const failures = admin.failedLoginCount + 1;
    const lock = failures >= env.LOGIN_MAX_ATTEMPTS;
    const lockedUntil = new Date(now.getTime() + env.LOGIN_LOCKOUT_MINUTES * 60_000);
    await db.adminUser.update({
      where: { id: admin.id },
      data: { failedLoginCount: lock ? 0 : failures, lockedUntil: lock ? lockedUntil : admin.lockedUntil },
    });
    return lock ? { ok: false, reason: "locked", lockedUntil } : { ok: false, reason: "invalid" };
  }
  await db.adminUser.update({
    where: { id: admin.id },
    data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
  });
  return { ok: true, admin: { id: admin.id, email: admin.email, name: admin.name, role: admin.role } };
}

export function lockoutMessage(lockedUntil: Date, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-ins for this account. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
