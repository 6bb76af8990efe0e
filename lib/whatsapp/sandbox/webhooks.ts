// What the sandbox posts to the app: Meta's webhook envelope, signed with the app secret over the
// exact bytes sent, retried with backoff when the app does not answer 2xx (Meta retries for
// days; a few tries are enough here). A failed post never throws: the sandbox runs inside the
// app's process and must not take it down.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { signBody } from "@/lib/whatsapp/webhook";
import { isBusinessScopedUserId } from "@/lib/whatsapp/payloads";
import type { TWebhookContact, TWebhookEnvelope, TWebhookMessagesValue, TWebhookStatus } from "@/lib/whatsapp/types";

export const SANDBOX_DISPLAY_NUMBER = "15550000000";

export function newWamid(): string {
  return `wamid.${randomBytes(24).toString("base64url")}`;
}

/** A stable business-scoped user id per phone number, shaped like Meta's ("ZA.1234…"). */
export function bsuidFor(phone: string): string {
  const country = parsePhoneNumberFromString(`+${phone}`)?.country ?? "US";
  const digits = BigInt(`0x${createHash("sha256").update(`bsuid:${phone}`).digest("hex").slice(0, 15)}`).toString();
  return `${country}.${digits}`;
}

/** A change to a business account field (templates, the messaging limit), dated by the entry's `time` as Meta does. */
export function accountFieldEnvelope(wabaId: string, at: Date, field: string, value: Record<string, unknown>): TWebhookEnvelope {
  return { object: "whatsapp_business_account", entry: [{ id: wabaId, time: Math.floor(at.getTime() / 1000), changes: [{ field, value }] }] };
}

export function messagesEnvelope(ids: { wabaId: string; phoneNumberId: string }, value: Omit<TWebhookMessagesValue, "messaging_product" | "metadata">): TWebhookEnvelope {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: ids.wabaId,
        changes: [
          {
            field: "messages",
            value: { messaging_product: "whatsapp", metadata: { display_phone_number: SANDBOX_DISPLAY_NUMBER, phone_number_id: ids.phoneNumberId }, ...value },
          },
        ],
      },
    ],
  };
}

export type TStatusInput = {
  wamid: string;
  to: string;
  status: "sent" | "delivered" | "read" | "failed";
  at: Date;
  callbackData?: string;
  pricing: { billable: boolean; category: string; type: string };
  failureCode?: number;
  failureTitle?: string;
};

/** The `value` of one status webhook, with the fields Meta sends for that status. */
export function statusValue(input: TStatusInput): Omit<TWebhookMessagesValue, "messaging_product" | "metadata"> {
  // A send by BSUID (`recipient`) has no number to report: Meta names the user id only.
  const byUserId = isBusinessScopedUserId(input.to);
  const userId = byUserId ? input.to : bsuidFor(input.to);
  const failed = input.status === "failed";
  const status: TWebhookStatus = {
    id: input.wamid,
    status: input.status,
    timestamp: String(Math.floor(input.at.getTime() / 1000)),
    ...(byUserId ? {} : { recipient_id: input.to }),
    // Meta omits the BSUID (and contacts and pricing) on a failed message sent to a phone number.
    ...(failed ? {} : { recipient_user_id: userId }),
    ...(input.callbackData !== undefined ? { biz_opaque_callback_data: input.callbackData } : {}),
    ...(failed
      ? {
          errors: [
            {
              code: input.failureCode ?? 131026,
              title: input.failureTitle ?? "Message undeliverable.",
              message: input.failureTitle ?? "Message undeliverable.",
              error_data: { details: `Sandbox: messages to ${input.to} fail after being sent.` },
            },
          ],
        }
      : {
          conversation: { id: createHash("sha1").update(`conversation:${input.to}`).digest("hex").slice(0, 32), origin: { type: input.pricing.category } },
          pricing: { billable: input.pricing.billable, pricing_model: "PMP", category: input.pricing.category, type: input.pricing.type },
        }),
  };
  const contacts: TWebhookContact[] = [byUserId ? { user_id: userId } : { wa_id: input.to, user_id: userId }];
  return failed ? { statuses: [status] } : { contacts, statuses: [status] };
}

export type TWebhookDelivery = { url: string; body: string; status: number; attempts: number };

export type TPosterOptions = {
  url: () => string;
  appSecret: string;
  fetch: typeof fetch;
  /** Waits before retry n (0-based); tests shorten it. */
  retryDelaysMs?: readonly number[];
};

const DEFAULT_RETRY_DELAYS_MS = [250, 1_000, 4_000];

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Posts one signed webhook; resolves with what happened (status 0: no answer), never rejects. */
export async function postSignedWebhook(payload: unknown, options: TPosterOptions): Promise<TWebhookDelivery> {
  const body = JSON.stringify(payload);
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  let url = "";
  let status = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      url = options.url();
      const response = await options.fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": signBody(body, options.appSecret) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { url, body, status, attempts: attempt + 1 };
    } catch {
      // The app is not up yet, or did not answer in time: try again.
      status = 0;
    }
    const delay = delays[attempt];
    if (delay === undefined) return { url, body, status, attempts: attempt + 1 };
    await sleep(delay);
  }
}
