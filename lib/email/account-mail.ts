// Emails about an admin's own account (invitations, reset links). Sent at once through the
// mailer, not the customer outbox: the outbox keeps message bodies in the audit log, and these
// bodies hold a sign-in link. Without SMTP_URL they land in the built-in catcher like every mail.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { appUrl, emailConfig } from "@/lib/env";
import { renderEmail, type TEmailAction } from "@/lib/email/layout";
import { createMailer, type TMailer } from "@/lib/email/mailer";
import { log } from "@/lib/log";

const globalForMail = globalThis as unknown as { ssgAccountMailer?: TMailer };

/** Marks account mails in the catcher, where only owners may read them (they open accounts). */
export const ACCOUNT_MAIL_REFERENCE = "admin-account";

function mailer(): TMailer {
  return (globalForMail.ssgAccountMailer ??= createMailer(emailConfig, async (mail) => {
    await db.caughtEmail.create({ data: mail });
  }));
}

export async function sendAccountMail(input: { to: string; subject: string; body: string; action: TEmailAction }): Promise<void> {
  const content = renderEmail({ subject: input.subject, body: input.body, action: input.action });
  const messageId = `${ACCOUNT_MAIL_REFERENCE}.${randomUUID()}@${new URL(appUrl).hostname}`;
  await mailer().send({ to: input.to, ...content, messageId, reference: ACCOUNT_MAIL_REFERENCE });
}

/** For requests that must answer the same whether or not a mail goes out: send in the background. */
export function sendAccountMailLater(input: Parameters<typeof sendAccountMail>[0]): Promise<void> {
  return sendAccountMail(input).catch((error: unknown) => {
    log.error("account mail failed", { error, subject: input.subject });
  });
}
