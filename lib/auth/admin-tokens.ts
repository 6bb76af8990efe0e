// Single-use links for admins: invitations and password resets. The token is only in the email;
// the database keeps its SHA-256, so a copy of the database opens no account. Issuing a new
// link of one purpose retires the admin's older ones.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { TDb, TTx } from "@/lib/db";

export type TTokenPurpose = "invite" | "reset";

export const TOKEN_LIFETIME_MS: Record<TTokenPurpose, number> = {
  invite: 7 * 24 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
};

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueToken(
  tx: TTx,
  input: { adminId: string; purpose: TTokenPurpose; createdById?: string | null; now: Date },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.adminToken.updateMany({
    where: { adminId: input.adminId, purpose: input.purpose, usedAt: null },
    data: { usedAt: input.now },
  });
  await tx.adminToken.create({
    data: {
      tokenHash: hashToken(token),
      purpose: input.purpose,
      adminId: input.adminId,
      createdById: input.createdById ?? null,
      expiresAt: new Date(input.now.getTime() + TOKEN_LIFETIME_MS[input.purpose]),
    },
  });
  return token;
}

/** The admin a link opens, while it is unused and unexpired (a read: nothing is spent). */
export async function findOpenToken(client: TDb | TTx, token: string, purpose: TTokenPurpose, now: Date) {
  return client.adminToken.findFirst({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    select: { id: true, adminId: true, admin: { select: { email: true, name: true, deactivatedAt: true } } },
  });
}

/**
 * Spends a link: one conditional update, so of two requests with the same link only one
 * succeeds. Returns the admin's id, or null when the link is used, expired or unknown.
 */
export async function spendToken(tx: TTx, token: string, purpose: TTokenPurpose, now: Date): Promise<string | null> {
  const tokenHash = hashToken(token);
  const spent = await tx.adminToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (spent.count !== 1) return null;
  const row = await tx.adminToken.findUniqueOrThrow({ where: { tokenHash }, select: { adminId: true } });
  return row.adminId;
}
