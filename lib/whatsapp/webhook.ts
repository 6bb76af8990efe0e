// Webhooks from Meta: the signature over the raw body, the subscription handshake, and a lenient
// parse that turns one POST (several entries, changes, statuses, messages) into a flat list of
// events. Parts that do not fit are returned as `malformed` events instead of failing the rest.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { whatsAppErrorFromStatusError, type WhatsAppError } from "@/lib/whatsapp/errors";

export function signBody(rawBody: string | Uint8Array, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}

/** HMAC-SHA256 of the bytes as received, compared in constant time. */
export function verifySignature(rawBody: string | Uint8Array, header: string | null, appSecret: string): boolean {
  if (!header || !header.startsWith("sha256=")) return false;
  const expected = Buffer.from(signBody(rawBody, appSecret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function verifyChallenge(params: URLSearchParams, verifyToken: string): { ok: true; challenge: string } | { ok: false } {
  const token = Buffer.from(params.get("hub.verify_token") ?? "");
  const expected = Buffer.from(verifyToken);
  const matches = token.length === expected.length && timingSafeEqual(token, expected);
  const challenge = params.get("hub.challenge");
  return params.get("hub.mode") === "subscribe" && matches && challenge ? { ok: true, challenge } : { ok: false };
}

const ZErrorSchema = z.looseObject({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});

const ZStatusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.enum(["sent", "delivered", "read", "failed"]),
  timestamp: z.string().regex(/^\d+$/),
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  pricing: z.looseObject({ category: z.string().optional(), type: z.string().optional() }).optional(),
  errors: z.array(ZErrorSchema).optional(),
});

const ZMessageSchema = z.looseObject({
  id: z.string().min(1),
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  timestamp: z.string().regex(/^\d+$/),
  type: z.string(),
  text: z.looseObject({ body: z.string() }).optional(),
  button: z.looseObject({ text: z.string().optional(), payload: z.string().optional() }).optional(),
  interactive: z
    .looseObject({
      button_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
    })
    .optional(),
  context: z.looseObject({ id: z.string().optional() }).optional(),
});

const ZContactSchema = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional() }).optional(),
});

export type TWebhookEvent =
  | {
      type: "status";
      wamid: string;
      status: "sent" | "delivered" | "read" | "failed";
      timestamp: Date;
      recipientId?: string;
      userId?: string;
      callbackData?: string;
      pricingCategory?: string;
      pricingType?: string;
      error?: WhatsAppError;
    }
  | {
      type: "message";
      wamid: string;
      from?: string;
      userId?: string;
      profileName?: string;
      timestamp: Date;
      kind: string;
      text?: string;
      contextWamid?: string;
      raw: unknown;
    }
  | { type: "other"; field: string; raw: unknown }
  | { type: "malformed"; reason: string; raw: unknown };

const fromUnix = (seconds: string) => new Date(Number(seconds) * 1000);

function textOf(message: z.infer<typeof ZMessageSchema>): string | undefined {
  return (
    message.text?.body ??
    message.button?.text ??
    message.interactive?.button_reply?.title ??
    message.interactive?.list_reply?.title ??
    captionOf((message as Record<string, unknown>)[message.type])
  );
}

/** Media messages (image, video, document) carry their text as `caption`. */
function captionOf(media: unknown): string | undefined {
  const caption = media && typeof media === "object" ? (media as { caption?: unknown }).caption : undefined;
  return typeof caption === "string" ? caption : undefined;
}

function eventsOfValue(value: Record<string, unknown>): TWebhookEvent[] {
  const events: TWebhookEvent[] = [];
  const contacts = Array.isArray(value.contacts) ? value.contacts.map((contact) => ZContactSchema.safeParse(contact)).flatMap((r) => (r.success ? [r.data] : [])) : [];
  for (const raw of Array.isArray(value.statuses) ? value.statuses : []) {
    const parsed = ZStatusSchema.safeParse(raw);
    if (!parsed.success) {
      events.push({ type: "malformed", reason: `status: ${parsed.error.issues[0]?.message ?? "invalid"}`, raw });
      continue;
    }
    const status = parsed.data;
    const firstError = status.errors?.[0];
    events.push({
      type: "status",
      wamid: status.id,
      status: status.status,
      timestamp: fromUnix(status.timestamp),
      recipientId: status.recipient_id,
      userId: status.recipient_user_id,
      callbackData: status.biz_opaque_callback_data,
      pricingCategory: status.pricing?.category,
      pricingType: status.pricing?.type,
      error: firstError ? whatsAppErrorFromStatusError(firstError) : undefined,
    });
  }
  for (const raw of Array.isArray(value.messages) ? value.messages : []) {
    const parsed = ZMessageSchema.safeParse(raw);
    if (!parsed.success) {
      events.push({ type: "malformed", reason: `message: ${parsed.error.issues[0]?.message ?? "invalid"}`, raw });
      continue;
    }
    const message = parsed.data;
    const contact = contacts.find((c) => (message.from && c.wa_id === message.from) || (message.from_user_id && c.user_id === message.from_user_id)) ?? contacts[0];
    events.push({
      type: "message",
      wamid: message.id,
      from: message.from ?? contact?.wa_id,
      userId: message.from_user_id ?? contact?.user_id,
      profileName: contact?.profile?.name,
      timestamp: fromUnix(message.timestamp),
      kind: message.type,
      text: textOf(message),
      contextWamid: message.context?.id,
      raw,
    });
  }
  return events;
}

const ZEnvelopeSchema = z.looseObject({
  object: z.string(),
  entry: z.array(z.looseObject({ id: z.string().optional(), changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })).optional() })),
});

export function parseWebhook(json: unknown): TWebhookEvent[] {
  const envelope = ZEnvelopeSchema.safeParse(json);
  if (!envelope.success) return [{ type: "malformed", reason: "not a webhook envelope (object, entry[])", raw: json }];
  if (envelope.data.object !== "whatsapp_business_account") return [{ type: "other", field: `object:${envelope.data.object}`, raw: json }];
  const events: TWebhookEvent[] = [];
  for (const entry of envelope.data.entry) {
    for (const change of entry.changes ?? []) {
      if (change.field !== "messages") {
        events.push({ type: "other", field: change.field, raw: change.value });
      } else if (change.value && typeof change.value === "object") {
        events.push(...eventsOfValue(change.value as Record<string, unknown>));
      } else {
        events.push({ type: "malformed", reason: "messages change without a value", raw: change });
      }
    }
  }
  return events;
}
