"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ZMultilineTextSchema, ZTextSchema } from "@/lib/zod/text";
import { adminActionClient } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { getQuoteReplyContact } from "@/lib/quotes/queries";
import { ZSendWhatsAppSchema } from "@/lib/messages/send-schema";
import { queueWhatsAppForQuote } from "@/lib/outbox/manual-send";
import { getSandbox } from "@/lib/sandbox";
import { refuseUnsendableTemplate } from "@/lib/templates/send-check";

export const sendWhatsAppAction = adminActionClient
  .inputSchema(ZSendWhatsAppSchema)
  .action(async ({ parsedInput, ctx }) => {
    // A paused, deleted or sample template is refused here, with the reason, before it is queued.
    await refuseUnsendableTemplate(parsedInput);
    // Queued, not sent: the dialog follows the first try (lib/swr/use-first-try.ts).
    const queued = await queueWhatsAppForQuote(parsedInput, ctx.admin.id);
    revalidatePath(`/admin/quotes/${parsedInput.quoteId}`);
    return queued;
  });

const ZSimulateReplySchema = z.object({
  quoteId: ZTextSchema.min(1),
  text: ZMultilineTextSchema.trim().min(1, "Write what the customer says.").max(4096),
});

/** Sandbox only: the customer "writes" to the business, which opens the 24-hour window. */
export const simulateCustomerReplyAction = adminActionClient
  .inputSchema(ZSimulateReplySchema)
  .action(async ({ parsedInput }) => {
    const sandbox = getSandbox();
    if (!sandbox) throw new AppError("forbidden", "Customer replies can only be simulated in sandbox mode.");
    const quote = await getQuoteReplyContact(parsedInput.quoteId);
    // From the number the quote was asked from: the one its messages go to.
    if (!quote?.contactPhone) throw new AppError("conflict", "This quote has no phone number to write from.");
    await sandbox.simulateInbound({ from: quote.contactPhone, text: parsedInput.text, profileName: quote.contactName });
    return { ok: true };
  });
