// The dispatcher's check before a business-initiated send: count, decide (limit-rule.ts), and
// either start the try or hold the message. Within a process the check and the try's first write
// run one at a time, so lanes sending at once cannot all take the last slot; the try's write
// (status "sending" with businessInitiatedAt) is what the next check counts. Dispatchers in
// other processes may still overshoot by the sends they start in those few milliseconds.
import "server-only";
import { db, type TDb } from "@/lib/db";
import { holdForLimit, type THold } from "@/lib/whatsapp-usage/limit-rule";
import { currentMessagingLimit, type TMessagingLimit, type TReadMetaTier } from "@/lib/whatsapp-usage/limit-setting";
import { businessInitiatedMessages, businessInitiatedReach } from "@/lib/whatsapp-usage/reach";

export type TLimitGuardOptions = {
  /** Reads Meta's tier; without it the stored tier is used as it is. */
  readMetaTier?: TReadMetaTier;
  client?: TDb;
  /** How long a read limit is used before reading the setting again. */
  cacheMs?: number;
};

export type TGuardInput = { messageId: string; recipient: string; now: Date };

export function createMessagingLimitGuard(options: TLimitGuardOptions = {}) {
  const client = options.client ?? db;
  const cacheMs = options.cacheMs ?? 30_000;
  let cached: { at: number; limit: Promise<TMessagingLimit> } | undefined;
  let turn: Promise<unknown> = Promise.resolve();

  function limitAt(now: Date): Promise<TMessagingLimit> {
    if (!cached || now.getTime() - cached.at >= cacheMs || now.getTime() < cached.at) {
      const limit = currentMessagingLimit(options.readMetaTier, now, client);
      cached = { at: now.getTime(), limit };
      // A failed read is not kept: the next send reads again.
      limit.catch(() => (cached = undefined));
    }
    return cached.limit;
  }

  async function decide(input: TGuardInput): Promise<THold | null> {
    const { limit } = await limitAt(input.now);
    if (limit === null) return null;
    // Fewer messages than the limit means fewer customers: nothing to hold, no need to count them.
    if ((await businessInitiatedMessages(client, input.now, { except: input.messageId })) < limit) return null;
    const reach = await businessInitiatedReach(client, input.now, { recipient: input.recipient, except: input.messageId });
    const holdAt = (limit: number | null) => holdForLimit({ used: reach.used, limit, alreadyCounted: reach.includesRecipient, nextFreeAt: reach.nextFreeAt, now: input.now });
    const held = holdAt(limit);
    if (!held) return null;
    // Before holding, the limit is read again: Meta's webhook may have raised it since it was
    // cached. The customers counted a moment ago are still the ones counted.
    cached = undefined;
    const fresh = (await limitAt(input.now)).limit;
    return fresh === limit ? held : holdAt(fresh);
  }

  return {
    /** `start` runs only when the message is not held; one decision at a time in this process. */
    async check<T>(input: TGuardInput, start: () => Promise<T>): Promise<{ held: THold } | { held: null; started: T }> {
      const run = turn.then(async () => {
        const held = await decide(input);
        return held ? { held } : { held: null, started: await start() };
      });
      turn = run.catch(() => undefined);
      return run;
    },
    /** Forgets the cached limit (after an owner changed it). */
    forget() {
      cached = undefined;
    },
  };
}

export type TMessagingLimitGuard = ReturnType<typeof createMessagingLimitGuard>;
