// A WhatsApp message sent by an admin from a quote: checked, recorded in the audit log before
// the call (so a crash leaves a trace), sent once per idempotency key, and its result recorded.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { WhatsAppError } from "@/lib/whatsapp/errors";
import { statusRank } from "@/lib/whatsapp/status-order";
import { getWhatsAppClient } from "@/lib/messages/whatsapp-client";
import { OUTSIDE_WINDOW_REASON, whatsappEligibility } from "@/lib/messages/whatsapp-eligibility";
import type { TSendWhatsApp } from "@/lib/messages/send-schema";

export type TSendOutcome =
  | { ok: true; messageId: string; wamid: string }
  | { ok: false; messageId: string; status: "failed" | "uncertain"; title: string; action: string; retryable: boolean };

export async function sendWhatsAppForQuote(input: TSendWhatsApp, actorId: string, now = new Date()): Promise<TSendOutcome> {
  const earlier = await db.message.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (earlier) return outcomeOf(earlier);

  const quote = await db.quote.findUnique({
    where: { id: input.quoteId },
    select: {
      id: true,
      customer: {
        select: { id: true, phone: true, whatsappConsentAt: true, whatsappOptedOutAt: true, lastInboundWhatsAppAt: true },
      },
    },
  });
  if (!quote) throw new AppError("not_found", "This quote no longer exists.");
  const eligibility = whatsappEligibility(quote.customer, now);
  if (!eligibility.ok) throw new AppError("conflict", eligibility.reason);
  if (input.kind === "text" && !eligibility.windowOpen) throw new AppError("conflict", OUTSIDE_WINDOW_REASON);

  let message;
  try {
    message = await db.message.create({
      data: {
        channel: "whatsapp",
        direction: "outbound",
        origin: "admin",
        sentById: actorId,
        customerId: quote.customer.id,
        quoteId: quote.id,
        kind: input.kind,
        body: input.kind === "text" ? input.body : null,
        templateName: input.kind === "template" ? input.templateName : null,
        templateLanguage: input.kind === "template" ? input.language : null,
        templateParams: input.kind === "template" ? JSON.stringify(input.parameters) : null,
        recipient: quote.customer.phone,
        idempotencyKey: input.idempotencyKey,
        status: "sending",
        statusRank: statusRank("sending"),
        attempts: 1,
      },
    });
  } catch (error) {
    // The same key arrived twice at once: the other request sends; this one reports its result.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return outcomeOf(await db.message.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } }));
    }
    throw error;
  }

  const client = getWhatsAppClient();
  const to = quote.customer.phone!;
  try {
    const result =
      input.kind === "text"
        ? await client.sendText({ to, body: input.body, callbackData: message.id })
        : await client.sendTemplate({
            to,
            name: input.templateName,
            language: input.language,
            bodyParameters: input.parameters,
            buttonUrlParameter: input.buttonParameter,
            callbackData: message.id,
          });
    await db.$transaction([
      db.message.update({
        where: { id: message.id },
        data: { providerMessageId: result.wamid, recipient: result.waId ?? to, requestPayload: withoutAcceptTokens(JSON.stringify(result.request)), acceptedAt: new Date() },
      }),
      // A status webhook may already have moved it further; "accepted" must not undo that.
      db.message.updateMany({
        where: { id: message.id, statusRank: { lt: statusRank("accepted") } },
        data: { status: "accepted", statusRank: statusRank("accepted") },
      }),
    ]);
    return { ok: true, messageId: message.id, wamid: result.wamid };
  } catch (error) {
    if (!(error instanceof WhatsAppError)) {
      await recordFailure(message.id, "failed", { code: "internal", title: "Unexpected error", action: "Try again; if it persists, check the server log.", retryable: false });
      throw error;
    }
    // Without an answer we cannot know whether Meta took the message; saying "failed" would
    // invite a second send.
    const status = error.outcomeUnknown ? "uncertain" : "failed";
    await recordFailure(message.id, status, error);
    return { ok: false, messageId: message.id, status, title: error.title, action: error.action, retryable: error.retryable };
  }
}

/** The audit log keeps accept links as `q/[link]`: the database holds only the token's hash. */
function withoutAcceptTokens(payload: string): string {
  return payload.replace(/q\/[A-Za-z0-9_-]{32}/g, "q/[link]");
}

type TFailure = { code: string | number; title: string; action: string; retryable: boolean; details?: string; fbtraceId?: string; request?: unknown };

async function recordFailure(messageId: string, status: "failed" | "uncertain", failure: TFailure) {
  await db.message.update({
    where: { id: messageId },
    data: {
      status,
      statusRank: statusRank(status),
      failedAt: status === "failed" ? new Date() : null,
      errorCode: String(failure.code),
      errorTitle: failure.title,
      errorDetail: [failure.details, failure.action].filter(Boolean).join(" "),
      errorTraceId: failure.fbtraceId ?? null,
      requestPayload: failure.request ? JSON.stringify(failure.request) : undefined,
    },
  });
}

function outcomeOf(message: { id: string; status: string; providerMessageId: string | null; errorTitle: string | null; errorDetail: string | null }): TSendOutcome {
  if (message.providerMessageId) return { ok: true, messageId: message.id, wamid: message.providerMessageId };
  if (message.status === "failed" || message.status === "uncertain") {
    return { ok: false, messageId: message.id, status: message.status, title: message.errorTitle ?? "Not sent", action: message.errorDetail ?? "", retryable: false };
  }
  throw new AppError("conflict", "This message is being sent already. Wait a moment and look at the message history.");
}
