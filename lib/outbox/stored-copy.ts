// The copy of a sent message the database keeps: the accept link's token replaced by "[link]"
// (only its hash is stored, so a database reader cannot answer a customer's quote).
import type { TPlan } from "@/lib/outbox/plan";

type TSendPlan = Extract<TPlan, { send: true }>;

/** `text` with every occurrence of the plan's secret replaced. */
export function withoutSecret(text: string | null | undefined, secret: string | null): string | null {
  return text && secret ? text.split(secret).join("[link]") : (text ?? null);
}

/** What a try writes on the message before the call: the content as sent, minus the secret. */
export function storedContent(plan: TSendPlan) {
  const content = plan.content;
  return {
    channel: content.channel,
    kind: content.kind,
    recipient: plan.to,
    fallbackReason: plan.fallbackReason,
    body: withoutSecret(content.kind === "text" ? content.body : content.kind === "email" ? content.email.text : null, plan.secret),
    subject: content.kind === "email" ? content.email.subject : null,
    templateName: content.kind === "template" ? content.templateName : null,
    templateLanguage: content.kind === "template" ? content.language : null,
    templateParams: content.kind === "template" ? JSON.stringify(content.parameters) : null,
  };
}
