// The session check every admin page, server action and route handler makes itself. The proxy's
// redirect to /login is a convenience; these functions are the guard.
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";

export type TAdmin = { id: string; email: string; name: string; role: string };

// Decrypting the session cookie costs real CPU; the layout and the page of one request share it.
export const getAdmin = cache(async (): Promise<TAdmin | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? user.email, role: user.role ?? "staff" };
});

/** For pages: the signed-in admin, or a redirect to the login page. */
export async function requireAdmin(callbackPath = "/admin"): Promise<TAdmin> {
  const admin = await getAdmin();
  if (!admin) redirect(`/login?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return admin;
}
