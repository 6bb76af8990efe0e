// The messaging limit as admins see it: unique customers reached in the last 24 hours against the
// portfolio's limit, with the 80 % warning (dashboard card and the admin banner).
import "server-only";
import { db, type TDb } from "@/lib/db";
import { assessUsage, type TLimitUsage } from "@/lib/whatsapp-usage/limit-rule";
import { storedMessagingLimit, type TMessagingLimit } from "@/lib/whatsapp-usage/limit-setting";
import { businessInitiatedReach } from "@/lib/whatsapp-usage/reach";

export type TMessagingLimitUsage = TLimitUsage & { setting: TMessagingLimit; nextFreeAt: Date | null };

export async function messagingLimitUsage(now = new Date(), client: TDb = db): Promise<TMessagingLimitUsage> {
  const [setting, reach] = await Promise.all([storedMessagingLimit(client), businessInitiatedReach(client, now)]);
  return { ...assessUsage(reach.used, setting.limit), setting, nextFreeAt: reach.nextFreeAt };
}
