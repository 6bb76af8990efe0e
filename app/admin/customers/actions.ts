"use server";

// The customer page's writes. Each is thin: the wrapper parses and checks the session, one command
// does the work (and refuses what the rules refuse), then the pages that show it are refreshed.
import { revalidatePath } from "next/cache";
import { adminActionClient } from "@/lib/action";
import {
  changeContactPreference,
  recordWhatsAppConsent,
  withdrawWhatsAppConsent,
  ZChangeContactPreferenceSchema,
  ZRecordWhatsAppConsentSchema,
  ZWithdrawWhatsAppConsentSchema,
} from "@/lib/customers/preference";

// Preference and consent show on the customer's page, the customer list and every quote and
// order page of theirs: refresh all admin pages.
const refreshAdminPages = () => revalidatePath("/admin", "layout");

export const changeContactPreferenceAction = adminActionClient
  .inputSchema(ZChangeContactPreferenceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const change = await changeContactPreference(parsedInput, ctx.admin.id);
    if (change.changed) refreshAdminPages();
    return change;
  });

export const recordWhatsAppConsentAction = adminActionClient
  .inputSchema(ZRecordWhatsAppConsentSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { consentAt } = await recordWhatsAppConsent(parsedInput, ctx.admin.id);
    refreshAdminPages();
    return { consentAt: consentAt.toISOString() };
  });

export const withdrawWhatsAppConsentAction = adminActionClient
  .inputSchema(ZWithdrawWhatsAppConsentSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { optedOutAt } = await withdrawWhatsAppConsent(parsedInput, ctx.admin.id);
    refreshAdminPages();
    return { optedOutAt: optedOutAt.toISOString() };
  });
