// The credential check behind the sign-in form. Throttled first (lib/auth/throttle.ts), by email
// and address, never by account: a refusal says the same whether or not the email has an
// account, and every unthrottled try hashes once (a dummy hash for unknown, invited or
// deactivated accounts), so answers take about as long either way.
import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { claimSignInAttempt, recordSignInSuccess } from "@/lib/auth/throttle";
import { roleOf, type TAdminRole } from "@/lib/roles";

export type TAdminIdentity = { id: string; email: string; name: string; role: TAdminRole; sessionVersion: number };

export type TLoginResult =
  | { ok: true; admin: TAdminIdentity }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

// A real hash to compare against when there is no usable one, so both paths take the same time.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$2HApu2v8RBUgfsvIvLj/Fw$+EiGCUjz3f+PzO87O+3v1HyHxaFIjSZyiVU08CCbhqc";

export type TLoginContext = { address?: string; now?: Date };

export async function checkAdminLogin(email: string, password: string, context: TLoginContext = {}): Promise<TLoginResult> {
  const address = context.address ?? "unknown";
  const now = context.now ?? new Date();
  const normalised = email.trim().toLowerCase();
  const claim = await claimSignInAttempt(normalised, address, now.getTime());
  if (!claim.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil(claim.retryAfterMs / 1000) };

  const admin = await db.adminUser.findUnique({ where: { email: normalised }, omit: { passwordHash: false } });
  const usable = admin && admin.passwordHash && !admin.deactivatedAt ? admin : null;
  const matches = await verifyPassword(usable?.passwordHash ?? DUMMY_HASH, password);
  if (!usable || !matches) return { ok: false, reason: "invalid" };

  await recordSignInSuccess(normalised, address, now.getTime());
  await db.adminUser.update({ where: { id: usable.id }, data: { lastLoginAt: now } });
  return {
    ok: true,
    admin: { id: usable.id, email: usable.email, name: usable.name || usable.email, role: roleOf(usable.role), sessionVersion: usable.sessionVersion },
  };
}
