// "Forgot password?": a single-use link by email, then a new password. The request answers the
// same for every email (the mail goes out in the background, so known emails take no longer);
// completing it ends every session of that admin and lifts the sign-in throttle for them, so
// the real owner always has a way in however long a stranger keeps guessing.
import "server-only";
import { db, inTransaction } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { findOpenToken, issueToken, spendToken, TOKEN_LIFETIME_MS } from "@/lib/auth/admin-tokens";
import { sendAccountMailLater } from "@/lib/email/account-mail";
import { clearSignInThrottle } from "@/lib/auth/throttle";
import { resetRequestKey, type TThrottlePolicy } from "@/lib/auth/throttle-rules";
import { claimAttempt } from "@/lib/auth/throttle-sql";
import { recordAdminEvent } from "@/lib/auth/admin-events";

export const RESET_REQUESTED_MESSAGE =
  "If that email belongs to an admin account, we have sent it a link to choose a new password. The link works for one hour.";
export const RESET_LINK_INVALID_MESSAGE = "This link has expired or was already used. Ask for a new one on the sign-in page.";

/** Reset requests from one address: a few at once, then slower (nobody floods an inbox). */
const REQUEST_POLICY: TThrottlePolicy = { freeAttempts: 5, maxDelaySeconds: 900, forgetAfterSeconds: 3600 };
/** Live reset mails per admin per hour; more requests are answered but send nothing. */
const MAILS_PER_HOUR = 3;

export type TResetRequest = { delivery: Promise<void> };

export async function requestPasswordReset(email: string, context: { address: string; now?: Date }): Promise<TResetRequest> {
  const now = context.now ?? new Date();
  const claim = await claimAttempt(db, resetRequestKey(context.address), REQUEST_POLICY, now.getTime());
  if (!claim.allowed) {
    const minutes = Math.max(1, Math.ceil(claim.retryAfterMs / 60_000));
    throw new AppError("rate_limited", `Several links were asked for from your connection. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  const admin = await db.adminUser.findFirst({
    where: { email: email.trim().toLowerCase(), deactivatedAt: null, passwordHash: { not: null } },
    select: { id: true, email: true, name: true },
  });
  if (!admin) return { delivery: Promise.resolve() };
  const recent = await db.adminToken.count({
    where: { adminId: admin.id, purpose: "reset", createdAt: { gt: new Date(now.getTime() - 60 * 60 * 1000) } },
  });
  if (recent >= MAILS_PER_HOUR) return { delivery: Promise.resolve() };

  const token = await inTransaction((tx) => issueToken(tx, { adminId: admin.id, purpose: "reset", createdById: null, now }));
  const minutes = TOKEN_LIFETIME_MS.reset / 60_000;
  const delivery = sendAccountMailLater({
    to: admin.email,
    subject: "Choose a new password",
    body: `Hello ${admin.name || admin.email},\n\nSomeone (we hope you) asked for a new password for your admin account. The link works once, for ${minutes} minutes, and signs out every other session.\n\nIf you did not ask for it, ignore this email: your password stays as it is.`,
    action: { label: "Choose a new password", url: `${appUrl}/login/reset/${token}` },
  });
  return { delivery };
}

/** Whose password a reset link sets, while it can still be used (for the page with the form). */
export async function openResetLink(token: string, now = new Date()): Promise<{ email: string } | null> {
  const open = await findOpenToken(db, token, "reset", now);
  return open && !open.admin.deactivatedAt ? { email: open.admin.email } : null;
}

export async function completePasswordReset(
  input: { token: string; password: string },
  context: { address?: string; now?: Date } = {},
): Promise<{ email: string }> {
  const now = context.now ?? new Date();
  // Check the link before the (deliberately slow) hash, so a wrong link costs no hashing.
  if (!(await openResetLink(input.token, now))) throw new AppError("not_found", RESET_LINK_INVALID_MESSAGE);
  const passwordHash = await hashPassword(input.password);
  const email = await inTransaction(async (tx) => {
    const adminId = await spendToken(tx, input.token, "reset", now);
    if (!adminId) throw new AppError("not_found", RESET_LINK_INVALID_MESSAGE);
    const updated = await tx.adminUser.updateMany({
      where: { id: adminId, deactivatedAt: null },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("not_found", RESET_LINK_INVALID_MESSAGE);
    await tx.adminToken.updateMany({ where: { adminId, purpose: "reset", usedAt: null }, data: { usedAt: now } });
    await recordAdminEvent(tx, { adminId, actorId: adminId, action: "password_reset", detail: "with an emailed link", now });
    return (await tx.adminUser.findUniqueOrThrow({ where: { id: adminId }, select: { email: true } })).email;
  });
  await clearSignInThrottle(email, context.address);
  return { email };
}
