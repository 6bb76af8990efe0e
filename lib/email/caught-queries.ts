// Reads of the built-in mail catcher: the emails that would have gone to customers.
import "server-only";
import { db } from "@/lib/db";
import { canManageSettings, type TAdminRole } from "@/lib/roles";
import { ACCOUNT_MAIL_REFERENCE } from "@/lib/email/account-mail";

export const CAUGHT_PAGE_SIZE = 50;

/** Who is reading: account mails (invitations, reset links) open accounts, so staff see only their own. */
export type TMailViewer = { email: string; role: TAdminRole };

function visibleTo(viewer: TMailViewer | undefined) {
  if (!viewer || canManageSettings(viewer.role)) return {};
  return { OR: [{ NOT: { messageId: { startsWith: `${ACCOUNT_MAIL_REFERENCE}.` } } }, { to: viewer.email }] };
}

export function listCaughtEmails(page: number, viewer?: TMailViewer) {
  return db.caughtEmail.findMany({
    where: visibleTo(viewer),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (Math.max(1, page) - 1) * CAUGHT_PAGE_SIZE,
    take: CAUGHT_PAGE_SIZE + 1,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
}

export function getCaughtEmail(id: string, viewer?: TMailViewer) {
  return db.caughtEmail.findFirst({ where: { id, ...visibleTo(viewer) } });
}
