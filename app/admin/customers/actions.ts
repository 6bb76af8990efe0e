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
import { editCustomerDetails, mergeCustomersByAdmin, resolveContactOffer } from "@/lib/customers/contact-changes";
import { ZEditCustomerDetailsSchema, ZFindMergeCandidatesSchema, ZMergeCustomersSchema, ZResolveContactOfferSchema } from "@/lib/customers/contact-schema";
import { findMergeCandidates } from "@/lib/customers/queries";

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

export const editCustomerDetailsAction = adminActionClient.inputSchema(ZEditCustomerDetailsSchema).action(async ({ parsedInput, ctx }) => {
  const result = await editCustomerDetails(parsedInput, ctx.admin.id);
  if (result.changed.length) refreshAdminPages();
  return result;
});

export const resolveContactOfferAction = adminActionClient.inputSchema(ZResolveContactOfferSchema).action(async ({ parsedInput, ctx }) => {
  const result = await resolveContactOffer(parsedInput, ctx.admin.id);
  refreshAdminPages();
  return result;
});

export const findMergeCandidatesAction = adminActionClient.inputSchema(ZFindMergeCandidatesSchema).action(async ({ parsedInput }) => {
  const candidates = await findMergeCandidates(parsedInput.customerId, parsedInput.query);
  return candidates.map((candidate) => ({
    id: candidate.id,
    name: candidate.name,
    email: candidate.email,
    phone: candidate.phone,
    quotes: candidate._count.quotes,
    orders: candidate._count.orders,
  }));
});

export const mergeCustomersAction = adminActionClient.inputSchema(ZMergeCustomersSchema).action(async ({ parsedInput, ctx }) => {
  const result = await mergeCustomersByAdmin(parsedInput, ctx.admin.id);
  refreshAdminPages();
  return { quotes: result.quotes, orders: result.orders, messages: result.messages };
});
