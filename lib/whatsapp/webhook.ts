// Webhooks from Meta: the signature over the raw body, the subscription handshake, and a lenient
// parse that turns one POST (several entries, changes, statuses, messages) into a flat list of
// events. Meta adds fields and types over time, so unknown fields pass and each part is checked
// on its own: a part that does not fit becomes a `malformed` event instead of losing the rest.
// Parts for another business account or phone number become `foreign` events, never applied.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { whatsAppErrorFromStatusError, type WhatsAppError } from "@/lib/whatsapp/errors";
import { findUnstorableText, firstIssue, quoted, ZUnixSeconds, ZWhatsAppPhone } from "@/lib/whatsapp/webhook-fields";
import { isTemplateField, parseTemplateChange, type TTemplateWebhookEvent } from "@/lib/whatsapp/template-webhook";
import { CAPABILITY_FIELD, parseCapabilityChange, type TCapabilityWebhookEvent } from "@/lib/whatsapp/capability-webhook";

const SIGNATURE_PREFIX = "sha256=";

/** The X-Hub-Signature-256 header Meta sends for these exact bytes. */
export function signBody(rawBody: string | Uint8Array, appSecret: string): string {
  return `${SIGNATURE_PREFIX}${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}

/**
 * HMAC-SHA256 of the bytes as received (never re-serialised JSON: a space or a reordered key
 * changes the hash), keyed with the app secret, compared in constant time.
 */
export function verifySignature(rawBody: string | Uint8Array, header: string | null, appSecret: string): boolean {
  if (!header || !appSecret || !header.startsWith(SIGNATURE_PREFIX)) return false;
  const expected = Buffer.from(signBody(rawBody, appSecret));
  const given = Buffer.from(SIGNATURE_PREFIX + header.slice(SIGNATURE_PREFIX.length).toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The GET handshake: answer the challenge only for `subscribe` with our verify token. */
export function verifyChallenge(searchParams: URLSearchParams, verifyToken: string): { ok: true; challenge: string } | { ok: false } {
  const token = Buffer.from(searchParams.get("hub.verify_token") ?? "");
  const expected = Buffer.from(verifyToken);
  const matches = expected.length > 0 && token.length === expected.length && timingSafeEqual(token, expected);
  const challenge = searchParams.get("hub.challenge");
  return searchParams.get("hub.mode") === "subscribe" && matches && challenge ? { ok: true, challenge } : { ok: false };
}

// ---- Parsing ------------------------------------------------------------------------------

export type TDeliveryStatus = "sent" | "delivered" | "read" | "failed";

/** Meta's pricing of a message, as a status webhook carries it (any part may be missing). */
export type TStatusPricing = { billable?: boolean; category?: string; type?: string; model?: string };

export type TWebhookEvent =
  | {
      type: "status";
      wamid: string;
      status: TDeliveryStatus;
      timestamp: Date;
      recipientId?: string;
      /** The recipient's business-scoped user id (BSUID). */
      userId?: string;
      /** Our own message id, as given on the send (biz_opaque_callback_data). */
      callbackData?: string;
      pricingCategory?: string;
      pricingType?: string;
      pricing?: TStatusPricing;
      error?: WhatsAppError;
    }
  | {
      type: "message";
      wamid: string;
      /** The writer's phone number; missing for some users with a username. */
      from?: string;
      /** The writer's business-scoped user id (BSUID). */
      userId?: string;
      profileName?: string;
      username?: string;
      timestamp: Date;
      /** Meta's message type: text, image, button, interactive, reaction, … */
      kind: string;
      /** The words of it: body, caption, button or list title, reaction emoji. */
      text?: string;
      /** The wamid of our message it replies or reacts to. */
      contextWamid?: string;
      raw: unknown;
    }
  /** A template's status, category or quality changed (lib/whatsapp/template-webhook.ts). */
  | TTemplateWebhookEvent
  /** The business portfolio's messaging limit changed (lib/whatsapp/capability-webhook.ts). */
  | TCapabilityWebhookEvent
  | { type: "other"; field: string; raw: unknown }
  /** For a WABA or phone number id other than ours: stored, never applied. */
  | { type: "foreign"; reason: string; raw: unknown }
  | { type: "malformed"; reason: string; raw: unknown };

const DELIVERY_STATUSES = ["sent", "delivered", "read", "failed"] as const;

const ZErrorSchema = z.looseObject({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});

const ZStatusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: ZUnixSeconds,
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  // Pricing is kept for the cost estimate only: a part that does not fit is dropped, never the status.
  pricing: z
    .looseObject({
      billable: z.boolean().optional().catch(undefined),
      pricing_model: z.string().max(40).optional().catch(undefined),
      category: z.string().max(60).optional().catch(undefined),
      type: z.string().max(60).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  errors: z.array(ZErrorSchema).optional(),
});

const ZTitled = z.looseObject({ id: z.string().optional(), title: z.string().optional() });

const ZMessageSchema = z.looseObject({
  id: z.string().min(1),
  from: ZWhatsAppPhone.optional(),
  from_user_id: z.string().optional(),
  timestamp: ZUnixSeconds,
  type: z.string().min(1),
  text: z.looseObject({ body: z.string() }).optional(),
  button: z.looseObject({ text: z.string().optional(), payload: z.string().optional() }).optional(),
  interactive: z.looseObject({ button_reply: ZTitled.optional(), list_reply: ZTitled.optional() }).optional(),
  reaction: z.looseObject({ message_id: z.string().optional(), emoji: z.string().optional() }).optional(),
  system: z.looseObject({ body: z.string().optional() }).optional(),
  context: z.looseObject({ id: z.string().optional() }).optional(),
});

const ZContactSchema = z.looseObject({
  wa_id: ZWhatsAppPhone.optional(),
  user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});

type TContact = z.infer<typeof ZContactSchema>;
type TMessage = z.infer<typeof ZMessageSchema>;

/** Media messages (image, video, document) carry their words as `caption`. */
function captionOf(media: unknown): string | undefined {
  const caption = media && typeof media === "object" ? (media as { caption?: unknown }).caption : undefined;
  return typeof caption === "string" ? caption : undefined;
}

function textOf(message: TMessage): string | undefined {
  return (
    message.text?.body ??
    message.button?.text ??
    message.interactive?.button_reply?.title ??
    message.interactive?.list_reply?.title ??
    message.reaction?.emoji ??
    message.system?.body ??
    captionOf((message as Record<string, unknown>)[message.type])
  );
}

function statusEvent(raw: unknown, contacts: TContact[]): TWebhookEvent {
  const unstorable = findUnstorableText(raw);
  if (unstorable) return { type: "malformed", reason: `status ${unstorable}`, raw };
  const parsed = ZStatusSchema.safeParse(raw);
  if (!parsed.success) return { type: "malformed", reason: `status ${firstIssue(parsed.error)}`, raw };
  const status = parsed.data;
  // Meta adds statuses now and then (a voice message's `played`): not ours to track, not broken.
  if (!(DELIVERY_STATUSES as readonly string[]).includes(status.status)) return { type: "other", field: `messages.status.${status.status}`, raw };
  const contact = status.recipient_id ? contacts.find((c) => c.wa_id === status.recipient_id) : undefined;
  const firstError = status.errors?.[0];
  return {
    type: "status",
    wamid: status.id,
    status: status.status as TDeliveryStatus,
    timestamp: status.timestamp,
    recipientId: status.recipient_id,
    userId: status.recipient_user_id ?? contact?.user_id,
    callbackData: status.biz_opaque_callback_data,
    pricingCategory: status.pricing?.category,
    pricingType: status.pricing?.type,
    pricing: status.pricing && { billable: status.pricing.billable, category: status.pricing.category, type: status.pricing.type, model: status.pricing.pricing_model },
    error: firstError ? whatsAppErrorFromStatusError(firstError) : undefined,
  };
}

function messageEvent(raw: unknown, contacts: TContact[]): TWebhookEvent {
  const unstorable = findUnstorableText(raw);
  if (unstorable) return { type: "malformed", reason: `message ${unstorable}`, raw };
  const parsed = ZMessageSchema.safeParse(raw);
  if (!parsed.success) return { type: "malformed", reason: `message ${firstIssue(parsed.error)}`, raw };
  const message = parsed.data;
  // A batch can hold several writers: match the contact by phone or BSUID, else the only one.
  const contact =
    contacts.find((c) => (message.from && c.wa_id === message.from) || (message.from_user_id && c.user_id === message.from_user_id)) ??
    (contacts.length === 1 ? contacts[0] : undefined);
  const from = message.from ?? contact?.wa_id;
  const userId = message.from_user_id ?? contact?.user_id;
  // A message from nobody we could ever write back to, or match to a customer.
  if (!from && !userId) return { type: "malformed", reason: "message has neither from nor from_user_id", raw };
  return {
    type: "message",
    wamid: message.id,
    from,
    userId,
    profileName: contact?.profile?.name,
    username: contact?.profile?.username,
    timestamp: message.timestamp,
    kind: message.type,
    text: textOf(message),
    contextWamid: message.context?.id ?? message.reaction?.message_id,
    raw,
  };
}

function listOf(value: Record<string, unknown>, key: string, events: TWebhookEvent[]): unknown[] {
  const list = value[key];
  if (list === undefined) return [];
  if (Array.isArray(list)) return list;
  events.push({ type: "malformed", reason: `${key} is not a list`, raw: list });
  return [];
}

function eventsOfMessagesValue(value: Record<string, unknown>): TWebhookEvent[] {
  const events: TWebhookEvent[] = [];
  const contacts = listOf(value, "contacts", events).flatMap((raw) => {
    // A contact's name may become a customer's name: one that cannot be stored is reported, and
    // its message still goes in (matched by phone or BSUID, without the name).
    const unstorable = findUnstorableText(raw);
    if (unstorable) {
      events.push({ type: "malformed", reason: `contact ${unstorable}`, raw });
      return [];
    }
    const parsed = ZContactSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  for (const raw of listOf(value, "statuses", events)) events.push(statusEvent(raw, contacts));
  for (const raw of listOf(value, "messages", events)) events.push(messageEvent(raw, contacts));
  // Errors on the value itself are about the account or the webhook, not one message.
  for (const raw of listOf(value, "errors", events)) events.push({ type: "other", field: "messages.errors", raw });
  return events;
}

const ZChangeSchema = z.looseObject({ field: z.string().min(1), value: z.unknown() });
const ZEntrySchema = z.looseObject({ id: z.string().optional(), changes: z.array(z.unknown()).optional() });
const ZEnvelopeSchema = z.looseObject({ object: z.string(), entry: z.array(z.unknown()) });

/** The business account and phone number this installation answers for. */
export type TWebhookAccount = { wabaId: string; phoneNumberId: string };

const ZMetadataSchema = z.looseObject({ phone_number_id: z.string() });

/** Why a `messages` change is not for `account` (another WABA or number), or null when it is ours. */
function foreignReason(entryId: string | undefined, value: Record<string, unknown>, account: TWebhookAccount): string | null {
  if (entryId !== account.wabaId) return `for WhatsApp Business Account ${quoted(entryId)}, not ours (${account.wabaId})`;
  const metadata = ZMetadataSchema.safeParse(value.metadata);
  const phoneNumberId = metadata.success ? metadata.data.phone_number_id : undefined;
  if (phoneNumberId !== account.phoneNumberId) return `for phone number id ${quoted(phoneNumberId)}, not ours (${account.phoneNumberId})`;
  return null;
}

/**
 * One POST body (already JSON-parsed) as a flat list of events, in the order Meta listed them.
 * With `account`, changes for any other WABA or phone number come back as `foreign`.
 */
export function parseWebhook(json: unknown, account?: TWebhookAccount): TWebhookEvent[] {
  const envelope = ZEnvelopeSchema.safeParse(json);
  if (!envelope.success) return [{ type: "malformed", reason: "not a webhook envelope (object, entry[])", raw: json }];
  if (envelope.data.object !== "whatsapp_business_account") return [{ type: "other", field: `object:${envelope.data.object}`, raw: json }];
  const events: TWebhookEvent[] = [];
  for (const rawEntry of envelope.data.entry) {
    const entry = ZEntrySchema.safeParse(rawEntry);
    if (!entry.success) {
      events.push({ type: "malformed", reason: `entry ${firstIssue(entry.error)}`, raw: rawEntry });
      continue;
    }
    for (const rawChange of entry.data.changes ?? []) {
      const change = ZChangeSchema.safeParse(rawChange);
      if (!change.success) {
        events.push({ type: "malformed", reason: `change ${firstIssue(change.error)}`, raw: rawChange });
      } else if (isTemplateField(change.data.field) || change.data.field === CAPABILITY_FIELD) {
        // Templates and limits belong to the business account: another WABA's are not ours to apply.
        if (account && entry.data.id !== account.wabaId) {
          events.push({ type: "foreign", reason: `for WhatsApp Business Account ${quoted(entry.data.id)}, not ours (${account.wabaId})`, raw: rawChange });
        } else {
          const time = (rawEntry as { time?: unknown }).time;
          const parsed = isTemplateField(change.data.field) ? parseTemplateChange(change.data.field, change.data.value, time) : parseCapabilityChange(change.data.value, time);
          events.push(parsed.ok ? parsed.event : { type: "malformed", reason: parsed.reason, raw: rawChange });
        }
      } else if (change.data.field !== "messages") {
        events.push({ type: "other", field: change.data.field, raw: change.data.value });
      } else if (change.data.value && typeof change.data.value === "object" && !Array.isArray(change.data.value)) {
        const value = change.data.value as Record<string, unknown>;
        const foreign = account ? foreignReason(entry.data.id, value, account) : null;
        events.push(...(foreign ? [{ type: "foreign" as const, reason: foreign, raw: rawChange }] : eventsOfMessagesValue(value)));
      } else {
        events.push({ type: "malformed", reason: "messages change without a value", raw: rawChange });
      }
    }
  }
  return events;
}
