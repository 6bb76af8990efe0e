// Counts the unique customers reached with business-initiated WhatsApp messages in the 24 hours
// before `now`: the messages whose try was business-initiated (businessInitiatedAt, written
// when the try starts) and that Meta took, or that are being sent right now, so a send in
// flight already takes its slot. One aggregate over the businessInitiatedAt index.
import "server-only";
import type { TDb, TTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export const REACH_WINDOW_MS = 24 * 60 * 60 * 1000;

export type TReach = {
  /** Unique recipients counted. */
  used: number;
  /** When the earliest-counted recipient stops counting (its last reach + 24 h). */
  nextFreeAt: Date | null;
  /** Whether `recipient` is one of them. */
  includesRecipient: boolean;
};

type TRow = { used: number | bigint; oldest: Date | string | null; mine: number | bigint | null };

/** The messages that count: business-initiated, in the window, taken by Meta or being sent. */
function countedSql(now: Date, except?: string): Prisma.Sql {
  const since = new Date(now.getTime() - REACH_WINDOW_MS);
  return Prisma.sql`"businessInitiatedAt" > ${since} AND "direction" = 'outbound' AND "channel" = 'whatsapp'
        AND ("acceptedAt" IS NOT NULL OR "status" = 'sending') ${except ? Prisma.sql`AND "id" <> ${except}` : Prisma.empty}`;
}

/**
 * How many messages count (not customers): an upper bound of the customers reached, two to four
 * times cheaper than counting them (measured), so a check below the limit stops here.
 */
export async function businessInitiatedMessages(client: TDb | TTx, now: Date, options: { except?: string } = {}): Promise<number> {
  const [row] = await client.$queryRaw<{ count: number | bigint }[]>`SELECT COUNT(*) AS "count" FROM "Message" WHERE ${countedSql(now, options.except)}`;
  return Number(row?.count ?? 0);
}

/** `except`: the message being decided, whose own earlier try must not count for itself. */
export async function businessInitiatedReach(client: TDb | TTx, now: Date, options: { recipient?: string; except?: string } = {}): Promise<TReach> {
  const [row] = await client.$queryRaw<TRow[]>`
    SELECT COUNT(*) AS "used", MIN("lastReach") AS "oldest",
      SUM(CASE WHEN "who" = ${options.recipient ?? null} THEN 1 ELSE 0 END) AS "mine"
    FROM (
      SELECT COALESCE("recipient", "customerId") AS "who", MAX("businessInitiatedAt") AS "lastReach"
      FROM "Message"
      WHERE ${countedSql(now, options.except)}
      GROUP BY 1
    ) AS "reached"`;
  const oldest = row?.oldest ? new Date(row.oldest) : null;
  return {
    used: Number(row?.used ?? 0),
    nextFreeAt: oldest ? new Date(oldest.getTime() + REACH_WINDOW_MS) : null,
    includesRecipient: Number(row?.mine ?? 0) > 0,
  };
}
