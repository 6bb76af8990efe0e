// The messaging limit as admins see it: unique customers reached in the last 24 hours against the
// portfolio's limit, with the 80 % warning (dashboard card and the admin banner).
import "server-only";
import { db, type TDb } from "@/lib/db";
import { assessUsage, WARN_SHARE, type TLimitUsage } from "@/lib/whatsapp-usage/limit-rule";
import { storedMessagingLimit, type TMessagingLimit } from "@/lib/whatsapp-usage/limit-setting";
import { businessInitiatedMessages, businessInitiatedReach, type TReach } from "@/lib/whatsapp-usage/reach";

export type TMessagingLimitUsage = TLimitUsage & { setting: TMessagingLimit; nextFreeAt: Date | null };

const usageOf = (setting: TMessagingLimit, reach: TReach): TMessagingLimitUsage => ({ ...assessUsage(reach.used, setting.limit), setting, nextFreeAt: reach.nextFreeAt });

export async function messagingLimitUsage(now = new Date(), client: TDb = db): Promise<TMessagingLimitUsage> {
  const [setting, reach] = await Promise.all([storedMessagingLimit(client), businessInitiatedReach(client, now)]);
  return usageOf(setting, reach);
}

/**
 * The usage when it is at the warning share or above, else null: what the banner on every admin
 * page needs. Fewer messages than the warning share means fewer customers, so the customers are
 * counted (the dearer query) only when the messages alone do not rule the warning out.
 */
export async function messagingLimitWarning(now = new Date(), client: TDb = db): Promise<TMessagingLimitUsage | null> {
  const [setting, messages] = await Promise.all([storedMessagingLimit(client), businessInitiatedMessages(client, now)]);
  if (setting.limit === null || messages / setting.limit < WARN_SHARE) return null;
  const usage = usageOf(setting, await businessInitiatedReach(client, now));
  return usage.level === "ok" ? null : usage;
}
