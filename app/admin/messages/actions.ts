"use server";

// The audit log's one write: send a failed or uncertain message again. The outbox decides whether
// it may (lib/outbox/retry); this only parses, checks the session and refreshes the pages.
import { revalidatePath } from "next/cache";
import { adminActionClient } from "@/lib/action";
import { retryMessage, ZRetryMessageSchema } from "@/lib/outbox/retry";

export const retryMessageAction = adminActionClient.inputSchema(ZRetryMessageSchema).action(async ({ parsedInput, ctx }) => {
  const result = await retryMessage(parsedInput, ctx.admin.id);
  // The message's page, the list and the navigation's "need attention" badge all change.
  revalidatePath("/admin", "layout");
  return result;
});
