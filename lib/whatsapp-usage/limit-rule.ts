// When the messaging limit warns and when it holds a send. Pure, so the rules are unit-tested
// without a database; lib/whatsapp-usage/reach.ts counts, lib/whatsapp-usage/guard.ts applies.
//
// Meta counts unique customers reached with business-initiated messages (templates sent outside
// the customer's 24-hour service window) in a moving 24 hours. A second message to a customer
// already counted adds nobody, so it is never held; replies inside a window do not count at all.

/** The share of the limit at which admins are warned. */
export const WARN_SHARE = 0.8;

export const HOLD_ERROR_CODE = "messaging_limit";

export type TUsageLevel = "ok" | "warn" | "reached";

export type TLimitUsage = {
  /** Unique customers reached in the last 24 hours. */
  used: number;
  /** null: unlimited. */
  limit: number | null;
  /** used / limit, null when unlimited. */
  share: number | null;
  level: TUsageLevel;
};

export function assessUsage(used: number, limit: number | null): TLimitUsage {
  if (limit === null) return { used, limit, share: null, level: "ok" };
  const share = used / limit;
  return { used, limit, share, level: used >= limit ? "reached" : share >= WARN_SHARE ? "warn" : "ok" };
}

export type THoldInput = {
  used: number;
  limit: number | null;
  /** The recipient was already reached in the last 24 hours: sending again adds nobody. */
  alreadyCounted: boolean;
  /** When the first of the counted customers stops counting. */
  nextFreeAt: Date | null;
  now: Date;
};

export type THold = { dueAt: Date; errorCode: string; errorTitle: string; errorDetail: string };

export function holdForLimit(input: THoldInput): THold | null {
  const { used, limit } = input;
  if (limit === null || input.alreadyCounted || used < limit) return null;
  // With the limit full, someone is counted, so nextFreeAt is known; a minute on is a safe floor.
  const dueAt = input.nextFreeAt && input.nextFreeAt > input.now ? input.nextFreeAt : new Date(input.now.getTime() + 60_000);
  return {
    dueAt,
    errorCode: HOLD_ERROR_CODE,
    errorTitle: `held: messaging limit reached (${used} of ${limit} customers in 24 h)`,
    errorDetail:
      `WhatsApp lets this business start conversations with ${limit} customers in any 24 hours, and all of them are taken. ` +
      "It stays queued and goes out by itself when the first of them has been 24 hours ago; replies inside a customer's 24-hour window are not held. " +
      "A higher limit comes from Meta (WhatsApp Manager → Insights).",
  };
}
