// What the admin layout's banner says about the WhatsApp token, from the stored state (one read
// by primary key): refused by Meta (sends are waiting), expired, or expiring within a day.
import "server-only";
import { db } from "@/lib/db";
import { CLAIMABLE_STATUS } from "@/lib/message-lifecycle/transitions";
import { readSetupState, type TSetupKey } from "@/lib/whatsapp-setup/state";
import { TOKEN_HELD_CODE } from "@/lib/whatsapp-setup/token-hold";

const DAY_MS = 24 * 3_600_000;

export type TTokenNotice =
  | { kind: "refused"; since: Date; title: string | null; held: number }
  | { kind: "expired"; at: Date }
  | { kind: "expiring"; at: Date; hours: number };

export async function readTokenNotice(key: TSetupKey, now = new Date()): Promise<TTokenNotice | null> {
  const state = await readSetupState(key);
  if (!state) return null;
  if (state.refused) {
    const held = await db.message.count({ where: { status: CLAIMABLE_STATUS, errorCode: TOKEN_HELD_CODE } });
    return { kind: "refused", since: state.refused.at, title: state.refused.title, held };
  }
  const at = state.tokenExpiresAt;
  if (!at) return null;
  const left = at.getTime() - now.getTime();
  if (left <= 0) return { kind: "expired", at };
  if (left <= DAY_MS) return { kind: "expiring", at, hours: Math.max(1, Math.round(left / 3_600_000)) };
  return null;
}
