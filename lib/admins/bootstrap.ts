import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";

export type TBootstrapResult =
  | { created: false }
  | { created: true; email: string; generatedPassword?: string };

/**
 * Makes the first admin account when there is none: from ADMIN_EMAIL/ADMIN_PASSWORD when given,
 * otherwise DEFAULT_ADMIN_EMAIL with a generated password that the caller prints once.
 */
// A domain with a dot: the sign-in form only accepts addresses that look like real ones.
export const DEFAULT_ADMIN_EMAIL = "admin@ssg.local";

export async function ensureFirstAdmin(input: { email?: string; password?: string }): Promise<TBootstrapResult> {
  const email = (input.email ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
  if (input.email) {
    if (await db.adminUser.findUnique({ where: { email }, select: { id: true } })) return { created: false };
  } else if ((await db.adminUser.count()) > 0) {
    return { created: false };
  }
  const generatedPassword = input.password ? undefined : randomBytes(12).toString("base64url");
  await db.adminUser.create({
    data: {
      email,
      name: "Administrator",
      // The first account runs the installation: it invites the others.
      role: "owner",
      passwordHash: await hashPassword(input.password ?? generatedPassword!),
    },
  });
  return { created: true, email, generatedPassword };
}
