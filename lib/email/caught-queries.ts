// Reads of the built-in mail catcher: the emails that would have gone to customers.
import { db } from "@/lib/db";

export const CAUGHT_PAGE_SIZE = 50;

export function listCaughtEmails(page: number) {
  return db.caughtEmail.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (Math.max(1, page) - 1) * CAUGHT_PAGE_SIZE,
    take: CAUGHT_PAGE_SIZE + 1,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
}

export function getCaughtEmail(id: string) {
  return db.caughtEmail.findUnique({ where: { id } });
}
