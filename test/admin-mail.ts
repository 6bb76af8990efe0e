// Reads the sign-in links that account emails carry, from the built-in mail catcher (tests run
// without SMTP_URL, as a fresh install does).
import { db } from "@/lib/db";

export async function latestLinkTo(email: string, kind: "reset" | "invite"): Promise<string | null> {
  const mails = await db.caughtEmail.findMany({ where: { to: email }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  for (const mail of mails) {
    const match = mail.text.match(new RegExp(`/login/${kind}/([A-Za-z0-9_-]{43})`));
    if (match?.[1]) return match[1];
  }
  return null;
}
