// Builders for webhook tests: Meta-shaped envelopes for the configured WABA and number, requests
// signed with the app secret (or not), and a drain that applies everything stored so far.
import { createHmac } from "node:crypto";
import { whatsappConfig } from "@/lib/env";

export const WEBHOOK_URL = "http://localhost/api/webhooks/whatsapp";

export function signWebhook(body: string | Uint8Array, secret = whatsappConfig.appSecret): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** A POST as Meta sends it; `signature: null` leaves the header out. */
export function webhookRequest(body: string, signature: string | null = signWebhook(body)): Request {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature) headers.set("x-hub-signature-256", signature);
  return new Request(WEBHOOK_URL, { method: "POST", body, headers });
}

type TIds = { wabaId?: string; phoneNumberId?: string };

/** One `messages` change (or `changes` copies of it) in one entry, for our WABA and number unless told. */
export function messagesEnvelope(value: Record<string, unknown>, ids: TIds = {}, changes = 1) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: ids.wabaId ?? whatsappConfig.wabaId,
        changes: Array.from({ length: changes }, () => ({
          field: "messages",
          value: {
            messaging_product: "whatsapp",
            metadata: { display_phone_number: "27826754285", phone_number_id: ids.phoneNumberId ?? whatsappConfig.phoneNumberId },
            ...value,
          },
        })),
      },
    ],
  };
}

export function statusPart(id: string, value: string, seconds: number | string, extra: Record<string, unknown> = {}) {
  return { id, status: value, timestamp: String(seconds), recipient_id: "27821234567", ...extra };
}

/** Applies every stored delivery that is due (those that fail wait for their next try). */
export async function drainWebhooks(): Promise<void> {
  const { processStoredDeliveries } = await import("@/lib/messages/webhook-inbox");
  while ((await processStoredDeliveries()) > 0) {
    // apply everything stored so far
  }
}
