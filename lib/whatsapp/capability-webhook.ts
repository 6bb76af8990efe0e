// Meta's business_capability_update webhook: the business portfolio's messaging limit changed (or
// a WhatsApp Business Account was made). `max_daily_conversations_per_business` names it, as a
// tier ("TIER_2K") or as a number (2000, -1 for unlimited); the older
// `max_daily_conversation_per_phone` (a number) is read only when the newer field is absent. The
// phone-number caps in the same change are not used here. A limit this version cannot read is a
// malformed part, never a guess.
import { z } from "zod";
import { findUnstorableText, firstIssue, quoted, ZUnixSecondsNumber } from "@/lib/whatsapp/webhook-fields";

export const CAPABILITY_FIELD = "business_capability_update";

export type TCapabilityWebhookEvent = {
  type: "capability";
  /** Meta's tier form: TIER_250, TIER_2K, TIER_10K, TIER_100K, TIER_UNLIMITED (or another TIER_<n>[K]). */
  tier: string;
  /** When Meta says it happened (the entry's `time`); null when the entry has none. */
  at: Date | null;
};

const ZLimit = z.union([z.string().max(40), z.number()]);
const ZCapability = z.looseObject({
  max_daily_conversations_per_business: ZLimit.nullish(),
  max_daily_conversation_per_phone: ZLimit.nullish(),
});

/** 2000 → TIER_2K, 250 → TIER_250, -1 → TIER_UNLIMITED; undefined for anything that is not a limit. */
export function tierOfLimit(value: string | number): string | undefined {
  if (typeof value === "string") {
    const text = value.trim().toUpperCase();
    if (/^TIER_(UNLIMITED|[1-9]\d*K?)$/.test(text)) return text;
    if (!/^-?\d+$/.test(text)) return undefined;
    value = Number(text);
  }
  if (value === -1) return "TIER_UNLIMITED";
  if (!Number.isSafeInteger(value) || value <= 0) return undefined;
  return value % 1_000 === 0 ? `TIER_${value / 1_000}K` : `TIER_${value}`;
}

export type TCapabilityParse = { ok: true; event: TCapabilityWebhookEvent | { type: "other"; field: string; raw: unknown } } | { ok: false; reason: string };

/** One business_capability_update change, with the time of its entry (Unix seconds), or why it does not fit. */
export function parseCapabilityChange(value: unknown, entryTime: unknown): TCapabilityParse {
  const unstorable = findUnstorableText(value);
  if (unstorable) return { ok: false, reason: `${CAPABILITY_FIELD} ${unstorable}` };
  const parsed = ZCapability.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `${CAPABILITY_FIELD} ${firstIssue(parsed.error)}` };
  const business = parsed.data.max_daily_conversations_per_business;
  const [name, limit] = business != null ? ["max_daily_conversations_per_business", business] : ["max_daily_conversation_per_phone", parsed.data.max_daily_conversation_per_phone];
  // Only the phone-number caps changed: nothing about the messaging limit.
  if (limit == null) return { ok: true, event: { type: "other", field: CAPABILITY_FIELD, raw: value } };
  const tier = tierOfLimit(limit);
  if (!tier) return { ok: false, reason: `${CAPABILITY_FIELD} ${name}: unknown messaging limit ${quoted(limit)}` };
  const time = ZUnixSecondsNumber.safeParse(entryTime);
  return { ok: true, event: { type: "capability", tier, at: time.success ? time.data : null } };
}
