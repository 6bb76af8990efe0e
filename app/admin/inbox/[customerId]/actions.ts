"use server";

import { adminActionClient } from "@/lib/action";
import { markThreadSeen } from "@/lib/inbox/commands";
import { ZMarkThreadSeenSchema } from "@/lib/inbox/schema";
import { ZSendWhatsAppToCustomerSchema } from "@/lib/messages/send-schema";
import { queueWhatsAppForCustomer } from "@/lib/outbox/manual-send";
import { refuseUnsendableTemplate } from "@/lib/templates/send-check";

/** The thread's reply: queued, not sent; the reply box follows its first try (lib/swr/use-first-try.ts). */
export const sendInboxReplyAction = adminActionClient
  .inputSchema(ZSendWhatsAppToCustomerSchema)
  .action(async ({ parsedInput, ctx }) => {
    // A paused, rejected, deleted or sample template is refused with the reason before it is queued.
    await refuseUnsendableTemplate(parsedInput);
    return queueWhatsAppForCustomer(parsedInput, ctx.admin.id);
  });

/** Called by the open thread, off the page render: a refusal from Meta never fails the page. */
export const markThreadSeenAction = adminActionClient
  .inputSchema(ZMarkThreadSeenSchema)
  .action(async ({ parsedInput }) => markThreadSeen(parsedInput));
