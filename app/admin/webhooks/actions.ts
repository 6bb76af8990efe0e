"use server";

// Retry and Discard on a parked webhook delivery: parse, check the session, one call into
// lib/messages/webhook-admin, refresh the admin pages (the dashboard counts parked deliveries).
import { revalidatePath } from "next/cache";
import { adminActionClient } from "@/lib/action";
import { discardParkedDelivery, retryParkedDelivery, ZParkedDeliverySchema } from "@/lib/messages/webhook-admin";

export const retryParkedDeliveryAction = adminActionClient.inputSchema(ZParkedDeliverySchema).action(async ({ parsedInput, ctx }) => {
  const result = await retryParkedDelivery(parsedInput, ctx.admin.id);
  revalidatePath("/admin", "layout");
  return result;
});

export const discardParkedDeliveryAction = adminActionClient.inputSchema(ZParkedDeliverySchema).action(async ({ parsedInput, ctx }) => {
  const result = await discardParkedDelivery(parsedInput, ctx.admin.id);
  revalidatePath("/admin", "layout");
  return result;
});
