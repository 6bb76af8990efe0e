import "server-only";
import { db } from "@/lib/db";
import { INBOUND_ROW_SELECT } from "@/lib/inbound-row";
import { firstTryOutcome, type TSendOutcome } from "@/lib/messages/first-try-outcome";

export const messageListSelect = {
  // What a customer's message holds (a photo, a location, a button they tapped).
  ...INBOUND_ROW_SELECT,
  id: true,
  channel: true,
  direction: true,
  origin: true,
  kind: true,
  body: true,
  templateName: true,
  templateLanguage: true,
  templateParams: true,
  status: true,
  createdAt: true,
  acceptedAt: true,
  sentAt: true,
  deliveredAt: true,
  readAt: true,
  failedAt: true,
  errorCode: true,
  errorTitle: true,
  errorDetail: true,
  sentBy: { select: { name: true, email: true } },
} as const;

export async function listQuoteMessages(quoteId: string) {
  return db.message.findMany({
    where: { quoteId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: messageListSelect,
  });
}

export type TMessageRow = Awaited<ReturnType<typeof listQuoteMessages>>[number];

/** The first-try outcome of one outbound message (null while it is pending), for the send dialog. */
export async function getFirstTryOutcome(messageId: string): Promise<TSendOutcome | null | undefined> {
  const message = await db.message.findUnique({
    where: { id: messageId },
    select: { id: true, status: true, attempts: true, providerMessageId: true, errorTitle: true, errorDetail: true },
  });
  return message ? firstTryOutcome(message) : undefined;
}
