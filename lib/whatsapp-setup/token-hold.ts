// While Meta refuses the access token (error 190), WhatsApp sends wait instead of burning their
// tries: the outbox asks this gate before each WhatsApp send. A refused token holds every send
// (queued, due at the next check, with the reason on the message) until a check sees the token
// work (the gate's own recheck, the doctor, or the worker's schedule) or the token is changed;
// then the held messages are due at once. Shared through the database by every process.
import "server-only";
import { db, type TDb } from "@/lib/db";
import { CLAIMABLE_STATUS, toQueued } from "@/lib/message-lifecycle/transitions";
import { TOKEN_HOLD_MS } from "@/lib/whatsapp-setup/hold-interval";
import { adoptToken, claimRecheck, clearRefusal, readSetupState, recordRefusal, type TSetupKey } from "@/lib/whatsapp-setup/state";

/** The code a held message carries, so a working token can find and release them all. */
export const TOKEN_HELD_CODE = "token_refused";

export function heldFields(title: string | null) {
  return {
    errorCode: TOKEN_HELD_CODE,
    errorTitle: "Waiting: WhatsApp refused the access token",
    errorDetail: `Meta answered ${title ?? "that the token is expired or invalid"} (code 190). Make a system-user token that does not expire, set WHATSAPP_ACCESS_TOKEN and restart, or check again in Settings → WhatsApp set-up once it works. This message goes out then; it is not lost or sent twice.`,
  };
}

/** The held messages are due now: the token works again. Their status stays queued. */
export async function releaseHeldMessages(now: Date, client: TDb = db): Promise<number> {
  const { count } = await client.message.updateMany({ where: { status: CLAIMABLE_STATUS, errorCode: TOKEN_HELD_CODE }, data: toQueued(now) });
  return count;
}

export type THold = { until: Date; change: ReturnType<typeof heldFields> };

export type TTokenGate = {
  /** Once per gate, before its first round: sends held for a token since replaced go out now. */
  prepare(now: Date): Promise<void>;
  /** A hold for the next WhatsApp send, or null when it may go. */
  holdFor(now: Date): Promise<THold | null>;
  /** Meta refused the token on a send: every WhatsApp send waits until the returned time. */
  refused(refusal: { code: string; title: string }, now: Date): Promise<Date>;
  /** A send went through: a refusal recorded meanwhile (by another process) is over. */
  worked(now: Date): Promise<void>;
};

export type TTokenGateOptions = {
  key: TSetupKey;
  /** Between checks of a refused token. */
  holdMs?: number;
  /** Does the token work now? null: could not tell (network). */
  check: () => Promise<boolean | null>;
  /** Reads of the state are shared by the sends of this long (every send would otherwise read it). */
  cacheMs?: number;
  client?: TDb;
};

export function createTokenGate(options: TTokenGateOptions): TTokenGate {
  const holdMs = options.holdMs ?? TOKEN_HOLD_MS;
  const cacheMs = options.cacheMs ?? 1_000;
  const client = options.client ?? db;
  let cached: { at: number; state: Awaited<ReturnType<typeof readSetupState>> } | null = null;
  let checking: Promise<THold | null> | null = null;
  let adopted: Promise<void> | null = null;

  async function state(now: Date) {
    if (!cached || now.getTime() - cached.at > cacheMs) cached = { at: now.getTime(), state: await readSetupState(options.key, client) };
    return cached.state;
  }

  async function recheck(now: Date, title: string | null): Promise<THold | null> {
    const next = new Date(now.getTime() + holdMs);
    if (!(await claimRecheck(options.key, now, next, client))) {
      cached = null;
      const current = await state(now);
      return current?.refused ? { until: current.refused.nextCheckAt ?? next, change: heldFields(current.refused.title) } : null;
    }
    const works = await options.check().catch(() => null);
    cached = null;
    if (!works) return { until: next, change: heldFields(title) };
    await clearRefusal(options.key, now, client);
    await releaseHeldMessages(now, client);
    return null;
  }

  return {
    prepare(now) {
      return (adopted ??= adoptToken(options.key, client)
        .then(async (replaced) => {
          if (replaced) await releaseHeldMessages(now, client);
        })
        .catch((error: unknown) => {
          adopted = null;
          throw error;
        }));
    },
    async holdFor(now) {
      const refused = (await state(now))?.refused;
      if (!refused) return null;
      if (refused.nextCheckAt && refused.nextCheckAt > now) return { until: refused.nextCheckAt, change: heldFields(refused.title) };
      // One check at a time in this process; the database picks one among processes.
      checking ??= recheck(now, refused.title).finally(() => {
        checking = null;
      });
      return checking;
    },
    async refused(refusal, now) {
      const until = new Date(now.getTime() + holdMs);
      await recordRefusal(options.key, { ...refusal, at: now, nextCheckAt: until }, client);
      cached = null;
      return until;
    },
    async worked(now) {
      if (!(await state(now))?.refused) return;
      await clearRefusal(options.key, now, client);
      await releaseHeldMessages(now, client);
      cached = null;
    },
  };
}
