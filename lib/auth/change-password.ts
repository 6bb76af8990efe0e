// A signed-in admin changes their password. The current password is checked through the
// sign-in throttle (a session left open must not become a password-guessing oracle), and the
// change ends every session; the form signs this browser in again with the new password.
import "server-only";
import { db, inTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { SIGNED_OUT_MESSAGE } from "@/lib/auth/signed-out-message";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { claimSignInAttempt, recordSignInSuccess } from "@/lib/auth/throttle";
import { throttledMessage } from "@/lib/auth/throttle-rules";
import { recordAdminEvent } from "@/lib/auth/admin-events";

export const WRONG_CURRENT_PASSWORD_MESSAGE = "Your current password is not right. Try again, or sign out and use “Forgot password?”.";

export async function changePassword(
  adminId: string,
  input: { currentPassword: string; password: string },
  context: { address: string; now?: Date },
): Promise<void> {
  const now = context.now ?? new Date();
  const admin = await db.adminUser.findUnique({ where: { id: adminId }, select: { email: true, passwordHash: true, deactivatedAt: true } });
  if (!admin?.passwordHash || admin.deactivatedAt) throw new AppError("unauthorized", SIGNED_OUT_MESSAGE);
  const claim = await claimSignInAttempt(admin.email, context.address, now.getTime());
  if (!claim.allowed) throw new AppError("rate_limited", throttledMessage(claim.retryAfterMs / 1000));
  if (!(await verifyPassword(admin.passwordHash, input.currentPassword))) throw new AppError("invalid_input", WRONG_CURRENT_PASSWORD_MESSAGE);
  await recordSignInSuccess(admin.email, context.address);

  const passwordHash = await hashPassword(input.password);
  await inTransaction(async (tx) => {
    // Only if the password is still the one just checked: two changes at once cannot both win.
    const updated = await tx.adminUser.updateMany({
      where: { id: adminId, passwordHash: admin.passwordHash, deactivatedAt: null },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("conflict", "Your password was changed at the same moment somewhere else. Sign in again.");
    await tx.adminToken.updateMany({ where: { adminId, purpose: "reset", usedAt: null }, data: { usedAt: now } });
    await recordAdminEvent(tx, { adminId, actorId: adminId, action: "password_changed", now });
  });
}
