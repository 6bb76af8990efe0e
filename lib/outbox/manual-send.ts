// A WhatsApp message an admin writes on a quote. Nothing is sent inside the request: the message
// is queued in the outbox like every automatic one, so it is paced, survives a crash (uncertain,
// never re-sent by itself) and is retried like them. The request returns the message's id at
// once; the dialog follows its first try (lib/swr/use-first-try.ts) to show Meta's answer.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { CUSTOMER_CONTACT_SELECT, QUOTE_CONTACT_SELECT, recipientFor } from "@/lib/customers/recipient";
import { OUTSIDE_WINDOW_REASON, whatsappEligibility } from "@/lib/messages/whatsapp-eligibility";
import type { TSendWhatsApp, TSendWhatsAppToCustomer } from "@/lib/messages/send-schema";
import { createQueuedMessage } from "@/lib/message-lifecycle/transitions";
import { announceQueued } from "@/lib/message-lifecycle/queue-signal";
import { STORED_ACCEPT_LINK, acceptLinkFor, isAcceptPath } from "@/lib/quotes/accept-link";

function storedButton(input: TSendWhatsApp, quote: Parameters<typeof acceptLinkFor>[0], now: Date): string | null {
  if (input.kind !== "template" || !input.buttonParameter) return null;
  // An accept-link path is stored as a marker and rendered when the message is sent.
  if (!isAcceptPath(input.buttonParameter)) return input.buttonParameter;
  // The token never reaches the database; the dispatcher renders the quote's current link.
  if (!acceptLinkFor(quote, now)) {
    throw new AppError("conflict", "The button opens the quote's accept link, but this quote has no valid one: answer it first (or again, if it has expired).");
  }
  return STORED_ACCEPT_LINK;
}

/** Queues the admin's message and returns its id at once; the dialog follows its first try. */
export async function queueWhatsAppForQuote(input: TSendWhatsApp, actorId: string, options: { now?: Date } = {}): Promise<{ messageId: string }> {
  const now = options.now ?? new Date();
  // A double click, or a form sent again: report the message the first one queued.
  const earlier = await db.message.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
  if (earlier) return { messageId: earlier.id };

  const quote = await db.quote.findUnique({
    where: { id: input.quoteId },
    select: {
      id: true,
      status: true,
      answeredAt: true,
      validUntil: true,
      ...QUOTE_CONTACT_SELECT,
      customer: { select: { id: true, ...CUSTOMER_CONTACT_SELECT } },
    },
  });
  if (!quote) throw new AppError("not_found", "This quote no longer exists.");
  // To the number the quote was requested with, under the same rule the dispatcher applies.
  const recipient = recipientFor(quote.customer, quote);
  const eligibility = whatsappEligibility(recipient, now);
  if (!eligibility.ok) throw new AppError("conflict", eligibility.reason);
  if (input.kind === "text" && !eligibility.windowOpen) throw new AppError("conflict", OUTSIDE_WINDOW_REASON);
  const button = storedButton(input, quote, now);

  return queueAdminMessage(
    {
      channel: "whatsapp",
      origin: "admin",
      sentById: actorId,
      customerId: quote.customer.id,
      quoteId: quote.id,
      ...contentOf(input),
      templateButtonParam: button,
      recipient: recipient.phone,
    },
    input.idempotencyKey,
    now,
  );
}

type TAdminMessageFields = Omit<Parameters<typeof createQueuedMessage>[1], "idempotencyKey">;

/** The inbox's message as the same message written on the quote's page. */
function aboutQuote(input: TSendWhatsAppToCustomer, quoteId: string): TSendWhatsApp {
  if (input.kind === "text") return { kind: "text", quoteId, idempotencyKey: input.idempotencyKey, body: input.body };
  const { kind, idempotencyKey, templateName, language, parameters, buttonParameter } = input;
  return { kind, quoteId, idempotencyKey, templateName, language, parameters, buttonParameter };
}

/** The text or template the admin wrote, as the message's columns. */
function contentOf(input: TSendWhatsApp | TSendWhatsAppToCustomer) {
  return {
    kind: input.kind,
    body: input.kind === "text" ? input.body : null,
    templateName: input.kind === "template" ? input.templateName : null,
    templateLanguage: input.kind === "template" ? input.language : null,
    templateParams: input.kind === "template" ? JSON.stringify(input.parameters) : null,
  };
}

/** Queues one admin message under its idempotency key, and wakes the dispatcher. */
async function queueAdminMessage(fields: TAdminMessageFields, idempotencyKey: string, now: Date): Promise<{ messageId: string }> {
  let messageId: string;
  try {
    ({ id: messageId } = await createQueuedMessage(db, { ...fields, idempotencyKey }, now));
  } catch (error) {
    // The same key arrived twice at once: the other request queued it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const other = await db.message.findUniqueOrThrow({ where: { idempotencyKey }, select: { id: true } });
      return { messageId: other.id };
    }
    throw error;
  }
  announceQueued();
  return { messageId };
}

/**
 * The inbox's reply: to the customer's own number, under the same rules as a reply on a quote.
 * About a quote (`quoteId`) it is that quote's message, when the quote was asked from this
 * number (so the thread's reply never goes elsewhere); otherwise about no record, and a link
 * button cannot carry an accept link.
 */
export async function queueWhatsAppForCustomer(input: TSendWhatsAppToCustomer, actorId: string, options: { now?: Date } = {}): Promise<{ messageId: string }> {
  const now = options.now ?? new Date();
  const earlier = await db.message.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
  if (earlier) return { messageId: earlier.id };

  const customer = await db.customer.findUnique({ where: { id: input.customerId }, select: { id: true, ...CUSTOMER_CONTACT_SELECT } });
  if (!customer) throw new AppError("not_found", "This customer no longer exists.");
  if (input.quoteId) {
    const quote = await db.quote.findFirst({ where: { id: input.quoteId, customerId: customer.id }, select: { contactPhone: true } });
    if (!quote) throw new AppError("not_found", "That quote is not this customer's.");
    if (!customer.phone || quote.contactPhone !== customer.phone) {
      throw new AppError("conflict", "That quote was asked from another number. Answer it from the quote's page, or send this without a quote.");
    }
    return queueWhatsAppForQuote(aboutQuote(input, input.quoteId), actorId, { now });
  }

  const recipient = recipientFor(customer, null);
  const eligibility = whatsappEligibility(recipient, now);
  if (!eligibility.ok) throw new AppError("conflict", eligibility.reason);
  if (input.kind === "text" && !eligibility.windowOpen) throw new AppError("conflict", OUTSIDE_WINDOW_REASON);
  if (input.kind === "template" && input.buttonParameter && isAcceptPath(input.buttonParameter)) {
    throw new AppError("conflict", "The button opens a quote's accept link: choose the quote this message is about.");
  }
  return queueAdminMessage(
    {
      channel: "whatsapp",
      origin: "admin",
      sentById: actorId,
      customerId: customer.id,
      ...contentOf(input),
      templateButtonParam: input.kind === "template" ? (input.buttonParameter ?? null) : null,
      recipient: recipient.phone,
    },
    input.idempotencyKey,
    now,
  );
}
