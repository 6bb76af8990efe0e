"use server";

// Settings → Limits and rates. Owner-only through ownerActionClient: staff get a "forbidden" result.
import { revalidatePath } from "next/cache";
import { ownerActionClient } from "@/lib/action";
import { getWhatsAppClient } from "@/lib/messages/whatsapp-client";
import { saveUsageSettings } from "@/lib/whatsapp-usage/settings";
import { refreshMetaTier } from "@/lib/whatsapp-usage/limit-setting";
import { ZUsageSettingsSchema } from "@/lib/whatsapp-usage/schema";

const PAGE = "/admin/settings/billing";

export const saveUsageSettingsAction = ownerActionClient.inputSchema(ZUsageSettingsSchema).action(async ({ parsedInput }) => {
  await saveUsageSettings(parsedInput);
  revalidatePath(PAGE);
  revalidatePath("/admin");
  return { saved: true };
});

/** Reads the messaging limit from Meta now instead of waiting for the next read. */
export const checkMessagingLimitAction = ownerActionClient.action(async () => {
  const limit = await refreshMetaTier(async () => (await getWhatsAppClient().getPhoneNumber()).whatsapp_business_manager_messaging_limit);
  revalidatePath(PAGE);
  revalidatePath("/admin");
  return { tier: limit.tier, source: limit.source, error: limit.metaError };
});
