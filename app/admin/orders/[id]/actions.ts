"use server";

// The order page's writes: the wrapper parses and checks the session, one command does the work
// (and refuses what the rules refuse), then the admin pages are refreshed and the outbox poked so
// the customer's message leaves now rather than at the next poll.
import { revalidatePath } from "next/cache";
import { adminActionClient } from "@/lib/action";
import { changeOrderStatus, recordPayment, updateOrderDetails, ZRecordPaymentSchema, ZUpdateOrderDetailsSchema } from "@/lib/orders/commands";
import { ZChangeOrderStatusSchema } from "@/lib/orders/status";
import { announceQueued } from "@/lib/message-lifecycle/queue-signal";

const refreshAdminPages = () => revalidatePath("/admin", "layout");

export const changeOrderStatusAction = adminActionClient.inputSchema(ZChangeOrderStatusSchema).action(async ({ parsedInput, ctx }) => {
  const move = await changeOrderStatus({ ...parsedInput, actorId: ctx.admin.id });
  announceQueued();
  refreshAdminPages();
  return { status: move.to, messageQueued: move.messageId !== null };
});

export const recordPaymentAction = adminActionClient.inputSchema(ZRecordPaymentSchema).action(async ({ parsedInput, ctx }) => {
  const result = await recordPayment(parsedInput, ctx.admin.id);
  refreshAdminPages();
  return result;
});

export const updateOrderDetailsAction = adminActionClient.inputSchema(ZUpdateOrderDetailsSchema).action(async ({ parsedInput, ctx }) => {
  const result = await updateOrderDetails(parsedInput, ctx.admin.id);
  refreshAdminPages();
  return result;
});
