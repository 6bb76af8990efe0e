// The stored WhatsApp set-up state, one row per sending number (WhatsAppSetupState): the
// doctor's last result and the token's facts for the banner, and a token Meta refused, which
// holds WhatsApp sends (./token-hold.ts). Every row is about one token: a changed token reads as
// no state at all until it is checked.
import "server-only";
import { db, type TDb } from "@/lib/db";
import type { TCheck, TDoctorResult } from "@/lib/whatsapp/doctor/types";

export type TSetupState = {
  checkedAt: Date | null;
  tokenValid: boolean | null;
  tokenType: string | null;
  tokenExpiresAt: Date | null;
  checks: TCheck[];
  refused: { at: Date; code: string | null; title: string | null; nextCheckAt: Date | null } | null;
};

export type TSetupKey = { phoneNumberId: string; tokenHash: string };

function parseChecks(json: string | null): TCheck[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as TCheck[]) : [];
  } catch {
    return [];
  }
}

export async function readSetupState(key: TSetupKey, client: TDb = db): Promise<TSetupState | null> {
  const row = await client.whatsAppSetupState.findUnique({ where: { phoneNumberId: key.phoneNumberId } });
  if (!row || row.tokenHash !== key.tokenHash) return null;
  return {
    checkedAt: row.checkedAt,
    tokenValid: row.tokenValid,
    tokenType: row.tokenType,
    tokenExpiresAt: row.tokenExpiresAt,
    checks: parseChecks(row.checksJson),
    refused: row.refusedAt ? { at: row.refusedAt, code: row.refusedCode, title: row.refusedTitle, nextCheckAt: row.nextCheckAt } : null,
  };
}

type TStateFields = {
  checkedAt: Date | null;
  tokenValid: boolean | null;
  tokenType: string | null;
  tokenExpiresAt: Date | null;
  checksJson: string | null;
  refusedAt: Date | null;
  refusedCode: string | null;
  refusedTitle: string | null;
  nextCheckAt: Date | null;
};
const EMPTY: TStateFields = { checkedAt: null, tokenValid: null, tokenType: null, tokenExpiresAt: null, checksJson: null, refusedAt: null, refusedCode: null, refusedTitle: null, nextCheckAt: null };

/**
 * Writes `change` on the row of this token; a row about another token is started afresh, so
 * nothing learnt about an old token (its refusal above all) sticks to a new one.
 */
async function writeState(key: TSetupKey, change: Partial<TStateFields>, client: TDb): Promise<void> {
  const fresh = { ...EMPTY, ...change, tokenHash: key.tokenHash };
  // Two statements, each atomic: a row of another token is replaced whole, one of this token changed.
  const replaced = await client.whatsAppSetupState.updateMany({ where: { phoneNumberId: key.phoneNumberId, tokenHash: { not: key.tokenHash } }, data: fresh });
  if (replaced.count) return;
  await client.whatsAppSetupState.upsert({ where: { phoneNumberId: key.phoneNumberId }, create: { phoneNumberId: key.phoneNumberId, ...fresh }, update: change });
}

/** The doctor's result; a valid token clears a refusal (the caller releases the held sends). */
export function recordDoctorResult(key: TSetupKey, result: TDoctorResult, client: TDb = db): Promise<void> {
  return writeState(
    key,
    {
      checkedAt: result.at,
      tokenValid: result.token.valid,
      tokenType: result.token.type,
      tokenExpiresAt: result.token.expiresAt,
      checksJson: JSON.stringify(result.checks),
      ...(result.token.valid ? { refusedAt: null, refusedCode: null, refusedTitle: null, nextCheckAt: null } : {}),
    },
    client,
  );
}

/** Meta refused the token: sends wait until `nextCheckAt`, when it is checked again. A refusal already recorded keeps its time. */
export async function recordRefusal(key: TSetupKey, refusal: { code: string; title: string; at: Date; nextCheckAt: Date }, client: TDb = db): Promise<void> {
  const current = await readSetupState(key, client);
  await writeState(key, { refusedAt: current?.refused?.at ?? refusal.at, refusedCode: refusal.code, refusedTitle: refusal.title, nextCheckAt: refusal.nextCheckAt, tokenValid: false }, client);
}

/**
 * A new token replaces one Meta refused: the old token's state (its refusal above all) is dropped.
 * True when there was such a refusal, so the caller releases the sends it held.
 */
export async function adoptToken(key: TSetupKey, client: TDb = db): Promise<boolean> {
  const { count } = await client.whatsAppSetupState.updateMany({
    where: { phoneNumberId: key.phoneNumberId, tokenHash: { not: key.tokenHash }, refusedAt: { not: null } },
    data: { ...EMPTY, tokenHash: key.tokenHash },
  });
  return count === 1;
}

/** Takes the next check of a refused token for this process: false when another process took it, or it is not due. */
export async function claimRecheck(key: TSetupKey, now: Date, nextCheckAt: Date, client: TDb = db): Promise<boolean> {
  const { count } = await client.whatsAppSetupState.updateMany({
    where: { phoneNumberId: key.phoneNumberId, tokenHash: key.tokenHash, refusedAt: { not: null }, OR: [{ nextCheckAt: null }, { nextCheckAt: { lte: now } }] },
    data: { nextCheckAt },
  });
  return count === 1;
}

/** The token works again (a check or a send succeeded): the refusal ends. */
export async function clearRefusal(key: TSetupKey, now: Date, client: TDb = db): Promise<void> {
  await client.whatsAppSetupState.updateMany({
    where: { phoneNumberId: key.phoneNumberId, tokenHash: key.tokenHash },
    data: { refusedAt: null, refusedCode: null, refusedTitle: null, nextCheckAt: null, tokenValid: true, checkedAt: now },
  });
}
