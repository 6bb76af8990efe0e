// Meta's business_capability_update webhook, applied in the transaction that marks its delivery
// done: the tier it reports becomes the limit in force at once, without waiting for the next read
// of the phone number. A report older than the tier held (a late or repeated delivery) changes
// nothing. When the limit rises, the messages held for the old one are due now, so they go out
// on the dispatcher's next round instead of waiting for a counted customer's 24 hours to pass.
import "server-only";
import type { TTx } from "@/lib/db";
import { CLAIMABLE_STATUS } from "@/lib/message-lifecycle/transitions";
import { HOLD_ERROR_CODE } from "@/lib/whatsapp-usage/limit-rule";
import { LIMIT_SETTING_ROW, fromRow } from "@/lib/whatsapp-usage/limit-setting";
import { isKnownTier, tierLimit } from "@/lib/whatsapp-usage/tiers";

export type TCapabilityReport = { tier: string; at: Date | null };

/** null (unlimited) is above every number. */
const raises = (before: number | null, after: number | null) => before !== null && (after === null || after > before);

/** Applies the reports in Meta's order; returns how many held messages were made due. */
export async function applyCapabilityReports(tx: TTx, reports: readonly TCapabilityReport[], now: Date): Promise<{ released: number }> {
  let released = 0;
  const ordered = [...reports].sort((a, b) => (a.at ?? now).getTime() - (b.at ?? now).getTime());
  for (const report of ordered) {
    // The parser only passes Meta's tier form; one this version cannot count is not guessed at.
    if (!isKnownTier(report.tier)) continue;
    const at = report.at ?? now;
    const row = await tx.whatsAppLimitSetting.findUnique({ where: { id: LIMIT_SETTING_ROW } });
    if (row?.metaTierAt && row.metaTierAt > at) continue;
    const before = fromRow(row).limit;
    await tx.whatsAppLimitSetting.upsert({
      where: { id: LIMIT_SETTING_ROW },
      create: { id: LIMIT_SETTING_ROW, metaTier: report.tier, metaTierAt: at, metaCheckedAt: at, metaError: null },
      update: { metaTier: report.tier, metaTierAt: at, metaCheckedAt: at, metaError: null },
    });
    if (!raises(before, tierLimit(report.tier) ?? null)) continue;
    // Only the due time moves: the hold's reason stays until the next try replaces it.
    const { count } = await tx.message.updateMany({ where: { status: CLAIMABLE_STATUS, errorCode: HOLD_ERROR_CODE, dueAt: { gt: now } }, data: { dueAt: now } });
    released += count;
  }
  return { released };
}
