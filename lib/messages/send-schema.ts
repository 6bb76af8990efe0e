import { z } from "zod";
import { ZMultilineTextSchema, ZTextSchema } from "@/lib/zod/text";

// One input for both kinds of manual WhatsApp message. The idempotency key is made when the
// dialog opens, so a double click or a resubmitted form sends once.
export const ZSendWhatsAppSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("text"),
    quoteId: ZTextSchema.min(1),
    idempotencyKey: z.uuid(),
    body: ZMultilineTextSchema.trim().min(1, "Write the message first.").max(4096, "WhatsApp messages can be at most 4,096 characters."),
  }),
  z.object({
    kind: z.literal("template"),
    quoteId: ZTextSchema.min(1),
    idempotencyKey: z.uuid(),
    templateName: ZTextSchema.trim().min(1, "Choose a template."),
    language: ZTextSchema.trim().min(2, "Choose the template's language."),
    parameters: z.array(ZTextSchema.trim().min(1, "Fill in every parameter.").max(1024)).max(20),
    /** The end of the template's link button (its {{1}}), when it has one. */
    buttonParameter: ZTextSchema.trim().min(1, "Fill in the link button's ending.").max(2000).optional(),
  }),
]);

export type TSendWhatsApp = z.infer<typeof ZSendWhatsAppSchema>;

// The same message from the inbox: to a customer, optionally about one of their quotes.
const [ZTextMessage, ZTemplateMessage] = ZSendWhatsAppSchema.options;
const toCustomer = { customerId: ZTextSchema.min(1), quoteId: ZTextSchema.min(1).optional() };
export const ZSendWhatsAppToCustomerSchema = z.discriminatedUnion("kind", [ZTextMessage.extend(toCustomer), ZTemplateMessage.extend(toCustomer)]);

export type TSendWhatsAppToCustomer = z.infer<typeof ZSendWhatsAppToCustomerSchema>;
