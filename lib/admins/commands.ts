// Managing admins: invite, accept an invitation, change a role, deactivate and reactivate. Every
// change is recorded with who made it (lib/auth/admin-events.ts) in its own transaction, and the
// rule that an installation always keeps an active owner is checked inside that transaction,
// after the write: SQLite lets one writer through at a time, so two owners demoting each other
// at once cannot both succeed. On PostgreSQL the change first locks the owners' rows (lockOwners).
import { db, dialect, inTransaction, type TTx } from "@/lib/db";
import { appUrl, env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { findOpenToken, issueToken, spendToken, TOKEN_LIFETIME_MS } from "@/lib/auth/admin-tokens";
import { sendAccountMail } from "@/lib/email/account-mail";
import { clearSignInThrottle } from "@/lib/auth/throttle";
import { recordAdminEvent } from "@/lib/auth/admin-events";
import { ROLE_LABELS, roleOf, type TAdminRole } from "@/lib/roles";
import type { TAcceptInviteInput, TInviteAdminInput } from "@/lib/admins/schema";

export const LAST_OWNER_MESSAGE = "This is the last active owner. Make another admin an owner first.";
export const INVITE_LINK_INVALID_MESSAGE = "This invitation has expired or was already used. Ask an owner to send a new one.";

type TActor = { id: string };

/** Owners who can sign in: not deactivated, and with a password (an open invitation does not count). */
export function countActiveOwners(tx: TTx): Promise<number> {
  return tx.adminUser.count({ where: { role: "owner", deactivatedAt: null, passwordHash: { not: null } } });
}

async function keepAnOwner(tx: TTx): Promise<void> {
  if ((await countActiveOwners(tx)) === 0) throw new AppError("conflict", LAST_OWNER_MESSAGE);
}

/**
 * PostgreSQL: takes the active owners' row locks before a change that may remove one, so two such
 * changes run one after the other and the second counts what the first left. (Under READ
 * COMMITTED each would otherwise count before the other's write was committed, and both pass.)
 * Locked in id order, so two of them cannot deadlock. SQLite already lets one writer at a time.
 */
async function lockOwners(tx: TTx): Promise<void> {
  if (dialect !== "postgresql") return;
  await tx.$queryRaw`SELECT "id" FROM "AdminUser" WHERE "role" = 'owner' AND "deactivatedAt" IS NULL ORDER BY "id" FOR UPDATE`;
}

/**
 * Invites an admin by email: a new account without a password, and a link to choose one. Inviting
 * an email whose invitation is still open sends a fresh link (the old one stops working).
 */
export async function inviteAdmin(input: TInviteAdminInput, actor: TActor, now = new Date()): Promise<{ adminId: string }> {
  const email = input.email.trim().toLowerCase();
  const { adminId, token } = await inTransaction(async (tx) => {
    const existing = await tx.adminUser.findUnique({ where: { email }, select: { id: true, passwordHash: true, deactivatedAt: true } });
    if (existing?.deactivatedAt) throw new AppError("conflict", `${email} was deactivated. Reactivate the account instead of inviting it again.`);
    if (existing?.passwordHash) throw new AppError("conflict", `${email} is already an admin.`);
    const admin = existing
      ? await tx.adminUser.update({ where: { id: existing.id }, data: { role: input.role }, select: { id: true } })
      : await tx.adminUser.create({ data: { email, name: "", role: input.role, passwordHash: null }, select: { id: true } });
    const issued = await issueToken(tx, { adminId: admin.id, purpose: "invite", createdById: actor.id, now });
    await recordAdminEvent(tx, { adminId: admin.id, actorId: actor.id, action: "invited", detail: `as ${ROLE_LABELS[input.role].toLowerCase()}${existing ? " (link sent again)" : ""}`, now });
    return { adminId: admin.id, token: issued };
  });
  const days = TOKEN_LIFETIME_MS.invite / 86_400_000;
  try {
    await sendAccountMail({
      to: email,
      subject: `You are invited to the ${env.BUSINESS_NAME} admin`,
      body: `Hello,\n\nYou are invited to help run ${env.BUSINESS_NAME} as ${ROLE_LABELS[input.role].toLowerCase()}. Open the link to choose your name and password. It works once, for ${days} days.`,
      action: { label: "Accept the invitation", url: `${appUrl}/login/invite/${token}` },
    });
  } catch {
    throw new AppError("unavailable", `The invitation to ${email} is saved, but the email could not be sent. Check the email settings, then invite the same address again to resend it.`);
  }
  return { adminId };
}

/** Whom an invitation link is for, while it is open (for the page that shows the form). */
export async function openInvitation(token: string, now = new Date()): Promise<{ email: string } | null> {
  const open = await findOpenToken(db, token, "invite", now);
  return open && !open.admin.deactivatedAt ? { email: open.admin.email } : null;
}

export async function acceptInvite(input: TAcceptInviteInput, context: { address?: string; now?: Date } = {}): Promise<{ email: string }> {
  const now = context.now ?? new Date();
  if (!(await openInvitation(input.token, now))) throw new AppError("not_found", INVITE_LINK_INVALID_MESSAGE);
  const passwordHash = await hashPassword(input.password);
  const email = await inTransaction(async (tx) => {
    const adminId = await spendToken(tx, input.token, "invite", now);
    if (!adminId) throw new AppError("not_found", INVITE_LINK_INVALID_MESSAGE);
    const updated = await tx.adminUser.updateMany({
      where: { id: adminId, passwordHash: null, deactivatedAt: null },
      data: { name: input.name, passwordHash, sessionVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("not_found", INVITE_LINK_INVALID_MESSAGE);
    await recordAdminEvent(tx, { adminId, actorId: adminId, action: "invite_accepted", now });
    return (await tx.adminUser.findUniqueOrThrow({ where: { id: adminId }, select: { email: true } })).email;
  });
  await clearSignInThrottle(email, context.address);
  return { email };
}

export async function changeAdminRole(input: { adminId: string; role: TAdminRole }, actor: TActor, now = new Date()): Promise<void> {
  await inTransaction(async (tx) => {
    await lockOwners(tx);
    const target = await tx.adminUser.findUnique({ where: { id: input.adminId }, select: { role: true } });
    if (!target) throw new AppError("not_found", "That admin no longer exists.");
    const from = roleOf(target.role);
    if (from === input.role) return;
    await tx.adminUser.update({ where: { id: input.adminId }, data: { role: input.role } });
    await keepAnOwner(tx);
    await recordAdminEvent(tx, { adminId: input.adminId, actorId: actor.id, action: "role_changed", detail: `${ROLE_LABELS[from]} → ${ROLE_LABELS[input.role]}`, now });
  });
}

/** Deactivates an admin: their sessions stop at once (sessionVersion) and their open links close. */
export async function deactivateAdmin(input: { adminId: string }, actor: TActor, now = new Date()): Promise<void> {
  if (input.adminId === actor.id) throw new AppError("invalid_input", "You cannot deactivate your own account. Ask another owner.");
  await inTransaction(async (tx) => {
    await lockOwners(tx);
    const updated = await tx.adminUser.updateMany({
      where: { id: input.adminId, deactivatedAt: null },
      data: { deactivatedAt: now, sessionVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("not_found", "That admin is already deactivated or no longer exists.");
    await keepAnOwner(tx);
    await tx.adminToken.updateMany({ where: { adminId: input.adminId, usedAt: null }, data: { usedAt: now } });
    await recordAdminEvent(tx, { adminId: input.adminId, actorId: actor.id, action: "deactivated", now });
  });
}

export async function reactivateAdmin(input: { adminId: string }, actor: TActor, now = new Date()): Promise<void> {
  const email = await inTransaction(async (tx) => {
    const updated = await tx.adminUser.updateMany({ where: { id: input.adminId, deactivatedAt: { not: null } }, data: { deactivatedAt: null } });
    if (updated.count !== 1) throw new AppError("not_found", "That admin is already active or no longer exists.");
    await recordAdminEvent(tx, { adminId: input.adminId, actorId: actor.id, action: "reactivated", now });
    return (await tx.adminUser.findUniqueOrThrow({ where: { id: input.adminId }, select: { email: true } })).email;
  });
  // A fresh start: failures counted before the deactivation should not slow the first sign-in.
  await clearSignInThrottle(email);
}
