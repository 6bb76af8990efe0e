// The last look at a template before it goes: refused here, with the reason, when the stored copy
// says Meta would refuse it (paused, disabled, rejected, deleted, not on the account), and the
// parameter names a named template takes. The outbox calls it right before the Graph API call;
// an admin's send (the quote's send dialog, the inbox's reply) is refused before it is queued
// (`refuseUnsendableTemplate`), which also keeps Meta's samples (hello_world) from customers.
import "server-only";
import { db, type TDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { describeWhatsAppError, WhatsAppError } from "@/lib/whatsapp/errors";
import { isSampleTemplate, refusalCode, unusableReason } from "@/lib/templates/flags";
import { findStoredTemplate } from "@/lib/templates/queries";
import { templateShape } from "@/lib/templates/shape";

export type TTemplateGate = {
  /** Throws a WhatsAppError (Meta's code for the same refusal) when it cannot be sent. */
  check(name: string, language: string): Promise<{ parameterNames?: string[] }>;
};

export function createTemplateGate(client: TDb = db): TTemplateGate {
  return {
    async check(name, language) {
      const template = await findStoredTemplate(name, language, client);
      // Never synced (no list to judge by): Meta decides, as before templates were stored.
      if (!template && (await client.whatsAppTemplate.count()) === 0) return {};
      const reason = unusableReason(template, name, language);
      if (reason) {
        const code = refusalCode(template);
        throw new WhatsAppError({ ...describeWhatsAppError(code), code, details: `Not sent to WhatsApp: ${reason}` });
      }
      const shape = templateShape({ components: template!.components, parameter_format: template!.parameterFormat });
      return shape.format === "NAMED" ? { parameterNames: shape.bodyParameters } : {};
    },
  };
}

/** Why an admin may not send this template to a customer now, or null. */
export async function refusalForCustomer(name: string, language: string, client: TDb = db): Promise<string | null> {
  if (isSampleTemplate(name)) return `"${name}" is one of Meta's sample templates, for testing the set-up only: choose one of the business's own templates.`;
  const template = await findStoredTemplate(name, language, client);
  if (!template && (await client.whatsAppTemplate.count()) === 0) return null;
  return unusableReason(template, name, language);
}

/**
 * An admin's message, before it is queued: a template that cannot go now is refused with the
 * reason (a conflict the admin can act on: choose another, or sync), so nothing is queued only
 * to fail in the outbox. Free text passes.
 */
export async function refuseUnsendableTemplate(input: { kind: "text" } | { kind: "template"; templateName: string; language: string }, client: TDb = db): Promise<void> {
  if (input.kind !== "template") return;
  const refusal = await refusalForCustomer(input.templateName, input.language, client);
  if (refusal) throw new AppError("conflict", refusal);
}
