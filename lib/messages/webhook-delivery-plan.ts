// What a stored delivery amounts to, decided before any database work: its events and the outcome
// to record. Pure, so the rules are unit-tested and the same for a batch and for a single retry.
import { storableText } from "@/lib/whatsapp/webhook-fields";
import { parseWebhook, type TWebhookAccount, type TWebhookEvent } from "@/lib/whatsapp/webhook";

export type TDeliveryOutcome = "applied" | "ignored" | "malformed";

export type TDeliveryPlan = { id: string; events: TWebhookEvent[]; outcome: TDeliveryOutcome; detail: string | null };

function parseBody(body: string, account: TWebhookAccount): TWebhookEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [{ type: "malformed", reason: "not JSON", raw: null }];
  }
  return parseWebhook(json, account);
}

/**
 * Malformed parts win (someone should look), then anything to apply, else ignored. The detail
 * names the malformed and foreign parts, escaped so it is always storable.
 */
export function planDelivery(delivery: { id: string; body: string }, account: TWebhookAccount): TDeliveryPlan {
  const events = parseBody(delivery.body, account);
  const malformed = events.flatMap((event) => (event.type === "malformed" ? [event.reason] : []));
  const foreign = events.flatMap((event) => (event.type === "foreign" ? [event.reason] : []));
  const useful = events.filter((event) => event.type === "status" || event.type === "message" || event.type === "template" || event.type === "capability");
  const outcome: TDeliveryOutcome = malformed.length ? "malformed" : useful.length ? "applied" : "ignored";
  const reasons = [...new Set([...malformed, ...foreign.map((reason) => `ignored: ${reason}`)])];
  return { id: delivery.id, events: useful, outcome, detail: reasons.length ? storableText(reasons.join("; ")) : null };
}
