// What a customer's WhatsApp message holds, read from Meta's raw `messages[]` item type by type
// (text, template quick-reply button, interactive button or list reply, reaction, media, location,
// contacts). Each type has its own zod schema; a type this product does not show, or one whose
// fields do not fit, becomes `unsupported` with the reason, so an odd message is still stored (and
// shown as such) instead of holding up the webhook deliveries behind it.
import { z } from "zod";
import { firstIssue } from "@/lib/whatsapp/webhook-fields";

export const MEDIA_KINDS = ["image", "audio", "video", "document", "sticker"] as const;
export type TMediaKind = (typeof MEDIA_KINDS)[number];

export type TSharedContact = { name: string; phones: { phone: string; waId?: string }[]; emails: string[] };

export type TInboundMedia = { id: string; mimeType?: string; sha256?: string; filename?: string; caption?: string; voice?: boolean };

export type TInboundContent =
  | { kind: "text"; body: string }
  /** A template's quick-reply button: its text and the payload set when the template was sent. */
  | { kind: "button"; body: string; replyId?: string }
  | { kind: "interactive"; replyType: "button_reply" | "list_reply"; body: string; replyId: string; description?: string }
  /** An empty emoji means the customer took the reaction back. */
  | { kind: "reaction"; emoji?: string; targetWamid: string }
  | { kind: TMediaKind; media: TInboundMedia }
  | { kind: "location"; latitude: number; longitude: number; name?: string; address?: string; url?: string }
  | { kind: "contacts"; contacts: TSharedContact[] }
  /** Meta's own `unsupported` type (with its error), or a type or shape this product cannot read. */
  | { kind: "unsupported"; type: string; code?: number; reason: string };

const ZText = z.looseObject({ text: z.looseObject({ body: z.string() }) });
const ZButton = z.looseObject({ button: z.looseObject({ text: z.string().min(1), payload: z.string().optional() }) });
const ZReply = z.looseObject({ id: z.string().min(1), title: z.string().min(1), description: z.string().optional() });
const ZInteractive = z.looseObject({
  interactive: z.looseObject({
    type: z.enum(["button_reply", "list_reply"]),
    button_reply: ZReply.optional(),
    list_reply: ZReply.optional(),
  }),
});
const ZReaction = z.looseObject({ reaction: z.looseObject({ message_id: z.string().min(1), emoji: z.string().optional() }) });
const ZMedia = z.looseObject({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  filename: z.string().optional(),
  caption: z.string().optional(),
  voice: z.boolean().optional(),
});
const ZLocation = z.looseObject({
  location: z.looseObject({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().optional(),
    address: z.string().optional(),
    url: z.string().optional(),
  }),
});
const ZSharedContact = z.looseObject({
  name: z.looseObject({ formatted_name: z.string().optional(), first_name: z.string().optional(), last_name: z.string().optional() }).optional(),
  phones: z.array(z.looseObject({ phone: z.string().optional(), wa_id: z.string().optional() })).optional(),
  emails: z.array(z.looseObject({ email: z.string().optional() })).optional(),
});
const ZContacts = z.looseObject({ contacts: z.array(ZSharedContact).min(1) });
const ZMetaErrors = z.looseObject({
  errors: z.array(z.looseObject({ code: z.number().optional(), title: z.string().optional(), message: z.string().optional(), error_data: z.looseObject({ details: z.string().optional() }).optional() })).optional(),
});

function unsupported(type: string, reason: string, code?: number): TInboundContent {
  return { kind: "unsupported", type, reason, ...(code === undefined ? {} : { code }) };
}

function contactOf(contact: z.infer<typeof ZSharedContact>): TSharedContact {
  const name = contact.name?.formatted_name ?? [contact.name?.first_name, contact.name?.last_name].filter(Boolean).join(" ");
  return {
    name: name || "Unnamed contact",
    phones: (contact.phones ?? []).flatMap((phone) => (phone.phone || phone.wa_id ? [{ phone: phone.phone ?? `+${phone.wa_id}`, ...(phone.wa_id ? { waId: phone.wa_id } : {}) }] : [])),
    emails: (contact.emails ?? []).flatMap((email) => (email.email ? [email.email] : [])),
  };
}

function parseKnown(type: string, raw: Record<string, unknown>): TInboundContent | z.ZodError {
  if (type === "text") {
    const parsed = ZText.safeParse(raw);
    return parsed.success ? { kind: "text", body: parsed.data.text.body } : parsed.error;
  }
  if (type === "button") {
    const parsed = ZButton.safeParse(raw);
    return parsed.success ? { kind: "button", body: parsed.data.button.text, ...(parsed.data.button.payload ? { replyId: parsed.data.button.payload } : {}) } : parsed.error;
  }
  if (type === "interactive") {
    const parsed = ZInteractive.safeParse(raw);
    if (!parsed.success) return parsed.error;
    const replyType = parsed.data.interactive.type;
    const reply = parsed.data.interactive[replyType];
    if (!reply) return new z.ZodError([{ code: "custom", path: ["interactive", replyType], message: "missing", input: undefined }]);
    return { kind: "interactive", replyType, body: reply.title, replyId: reply.id, ...(reply.description ? { description: reply.description } : {}) };
  }
  if (type === "reaction") {
    const parsed = ZReaction.safeParse(raw);
    return parsed.success ? { kind: "reaction", targetWamid: parsed.data.reaction.message_id, ...(parsed.data.reaction.emoji ? { emoji: parsed.data.reaction.emoji } : {}) } : parsed.error;
  }
  if ((MEDIA_KINDS as readonly string[]).includes(type)) {
    const parsed = ZMedia.safeParse(raw[type]);
    if (!parsed.success) return new z.ZodError(parsed.error.issues.map((issue) => ({ ...issue, path: [type, ...issue.path] })));
    const media = parsed.data;
    return {
      kind: type as TMediaKind,
      media: {
        id: media.id,
        ...(media.mime_type ? { mimeType: media.mime_type } : {}),
        ...(media.sha256 ? { sha256: media.sha256 } : {}),
        ...(media.filename ? { filename: media.filename } : {}),
        ...(media.caption ? { caption: media.caption } : {}),
        ...(media.voice ? { voice: true } : {}),
      },
    };
  }
  if (type === "location") {
    const parsed = ZLocation.safeParse(raw);
    if (!parsed.success) return parsed.error;
    const { latitude, longitude, name, address, url } = parsed.data.location;
    return { kind: "location", latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}), ...(url ? { url } : {}) };
  }
  if (type === "contacts") {
    const parsed = ZContacts.safeParse(raw);
    return parsed.success ? { kind: "contacts", contacts: parsed.data.contacts.map(contactOf) } : parsed.error;
  }
  return unsupported(type, `WhatsApp message type "${type}" is not shown here; the message is kept as received.`);
}

/** The content of one raw inbound message (`value.messages[]`), never throwing. */
export function parseInboundContent(raw: unknown): TInboundContent {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return unsupported("unknown", "The message is not an object.");
  const message = raw as Record<string, unknown>;
  const type = typeof message.type === "string" && message.type ? message.type : "unknown";
  if (type === "unsupported" || type === "unknown") {
    // Meta's own "this type cannot be shown through the API" (a poll, a view-once photo, …).
    const meta = ZMetaErrors.safeParse(message);
    const error = meta.success ? meta.data.errors?.[0] : undefined;
    const reason = error?.error_data?.details ?? error?.title ?? error?.message ?? "WhatsApp did not pass this message's content on.";
    return unsupported(type, reason, error?.code);
  }
  const content = parseKnown(type, message);
  return content instanceof z.ZodError ? unsupported(type, `The ${type} message did not have the expected fields (${firstIssue(content)}).`) : content;
}
