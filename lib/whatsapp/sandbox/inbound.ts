// The sandbox's customer side: a customer sends any kind of WhatsApp message (text, a template's
// quick-reply button, a button or list reply, a reaction, media, a location, contacts, Meta's
// `unsupported`, or any raw payload), optionally as a reply to one of ours, and the app gets it as
// a signed webhook, exactly as Meta shapes it. Media the customer sends is kept here and served
// like Meta's: `GET /{media-id}` answers its URL, MIME type, sha256 and size; the URL itself
// needs the access token, as Meta's does.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { TMediaKind } from "@/lib/whatsapp/inbound-content";
import { SANDBOX_DISPLAY_NUMBER, bsuidFor, messagesEnvelope, newWamid, type TWebhookDelivery } from "@/lib/whatsapp/sandbox/webhooks";
import type { TWebhookMessage, TWebhookMessagesValue } from "@/lib/whatsapp/types";

export type TSandboxFile = { bytes: Uint8Array | string; mimeType: string; filename?: string };

export type TCustomerMessage =
  | { type: "text"; body: string }
  | { type: "button"; text: string; payload?: string }
  | { type: "button_reply" | "list_reply"; id: string; title: string; description?: string }
  | { type: "reaction"; messageId: string; emoji: string }
  | { type: TMediaKind; file: TSandboxFile; caption?: string; voice?: boolean }
  | { type: "location"; latitude: number; longitude: number; name?: string; address?: string }
  | { type: "contacts"; contacts: { name: string; phone?: string; email?: string }[] }
  | { type: "unsupported" }
  /** Anything at all as the message's fields (id, from and timestamp are added): for odd payloads. */
  | { type: "raw"; fields: Record<string, unknown> };

export type TCustomerSendInput = {
  from: string;
  message: TCustomerMessage;
  /** The wamid of our message the customer replies to (Meta's `context`). */
  replyTo?: string;
  profileName?: string;
  userId?: string;
};

export type TStoredMedia = { id: string; bytes: Buffer; mimeType: string; sha256: string; filename?: string };

/** The path (after the version) the sandbox serves a media file's bytes from. */
export const MEDIA_DOWNLOAD_NODE = "sandbox_media";

type TCustomerSideOptions = {
  ids: { wabaId: string; phoneNumberId: string };
  post: (payload: unknown) => Promise<TWebhookDelivery>;
  /** The customer wrote: their 24-hour window opens (by phone and by BSUID). */
  openWindow: (from: string, userId: string, at: Date) => void;
  /** Where handle() is reachable from outside, for the media URLs; else the request's own origin. */
  publicUrl?: string;
};

function messageFields(message: TCustomerMessage, storeFile: (file: TSandboxFile) => TStoredMedia): Record<string, unknown> {
  switch (message.type) {
    case "text":
      return { type: "text", text: { body: message.body } };
    case "button":
      return { type: "button", button: { text: message.text, payload: message.payload ?? message.text } };
    case "button_reply":
    case "list_reply": {
      const reply = { id: message.id, title: message.title, ...(message.description ? { description: message.description } : {}) };
      return { type: "interactive", interactive: { type: message.type, [message.type]: reply } };
    }
    case "reaction":
      return { type: "reaction", reaction: { message_id: message.messageId, emoji: message.emoji } };
    case "location":
      return { type: "location", location: { latitude: message.latitude, longitude: message.longitude, ...(message.name ? { name: message.name } : {}), ...(message.address ? { address: message.address } : {}) } };
    case "contacts":
      return {
        type: "contacts",
        contacts: message.contacts.map((contact) => ({
          name: { formatted_name: contact.name, first_name: contact.name.split(" ")[0] },
          ...(contact.phone ? { phones: [{ phone: `+${contact.phone}`, wa_id: contact.phone, type: "CELL" }] } : {}),
          ...(contact.email ? { emails: [{ email: contact.email, type: "HOME" }] } : {}),
        })),
      };
    case "unsupported":
      return { type: "unsupported", errors: [{ code: 131051, title: "Message type unknown", message: "Message type unknown", error_data: { details: "Message type is currently not supported." } }] };
    case "raw":
      return message.fields;
    default: {
      const media = storeFile(message.file);
      return {
        type: message.type,
        [message.type]: {
          id: media.id,
          mime_type: media.mimeType,
          sha256: media.sha256,
          ...(message.caption ? { caption: message.caption } : {}),
          ...(media.filename && message.type === "document" ? { filename: media.filename } : {}),
          ...(message.voice ? { voice: true } : {}),
        },
      };
    }
  }
}

export function createCustomerSide(options: TCustomerSideOptions) {
  const media = new Map<string, TStoredMedia>();

  /** Keeps a file as if a customer had sent it; returns its media id. */
  function storeFile(file: TSandboxFile): TStoredMedia {
    const bytes = Buffer.from(file.bytes);
    // Meta's media ids are long digit strings.
    const id = BigInt(`0x${randomBytes(7).toString("hex")}`).toString().padStart(16, "1");
    const stored: TStoredMedia = { id, bytes, mimeType: file.mimeType, sha256: createHash("sha256").update(bytes).digest("hex"), filename: file.filename };
    media.set(id, stored);
    return stored;
  }

  /** The customer sends `message`: a signed `messages` webhook to the app, as Meta posts it. */
  async function sendFromCustomer(input: TCustomerSendInput) {
    const at = new Date();
    const userId = input.userId ?? bsuidFor(input.from);
    options.openWindow(input.from, userId, at);
    const wamid = newWamid();
    const message = {
      from: input.from,
      from_user_id: userId,
      id: wamid,
      timestamp: String(Math.floor(at.getTime() / 1000)),
      ...(input.replyTo ? { context: { from: SANDBOX_DISPLAY_NUMBER, id: input.replyTo } } : {}),
      ...messageFields(input.message, storeFile),
    } as TWebhookMessage;
    const value: Omit<TWebhookMessagesValue, "messaging_product" | "metadata"> = {
      contacts: [{ profile: { name: input.profileName ?? "Sandbox customer" }, wa_id: input.from, user_id: userId }],
      messages: [message],
    };
    const delivery = await options.post(messagesEnvelope(options.ids, value));
    return { wamid, userId, status: delivery.status, mediaId: typeof message.type === "string" ? (message as Record<string, { id?: string }>)[message.type]?.id : undefined };
  }

  /**
   * GET /{version}/{media-id} and the download URL it gives, or null when the path is neither.
   * Called after the access token was checked, so the download needs it too, as on Meta.
   */
  function handleMedia(request: Request, url: URL, path: { version: string; node: string; edge?: string }): Response | null {
    if (request.method !== "GET") return null;
    if (path.node === MEDIA_DOWNLOAD_NODE && path.edge) {
      const file = media.get(path.edge);
      if (!file) return new Response("Not found", { status: 404 });
      return new Response(new Uint8Array(file.bytes), { headers: { "content-type": file.mimeType, "content-length": String(file.bytes.length) } });
    }
    const file = !path.edge ? media.get(path.node) : undefined;
    if (!file) return null;
    const base = options.publicUrl ?? url.origin;
    return Response.json({
      messaging_product: "whatsapp",
      url: `${base}/${path.version}/${MEDIA_DOWNLOAD_NODE}/${file.id}`,
      mime_type: file.mimeType,
      sha256: file.sha256,
      file_size: file.bytes.length,
      id: file.id,
    });
  }

  return {
    sendFromCustomer,
    /** The customer writes STOP (or START): the opt-out words, as plain text. */
    customerStops: (from: string, word = "STOP") => sendFromCustomer({ from, message: { type: "text", body: word } }),
    customerStarts: (from: string, word = "START") => sendFromCustomer({ from, message: { type: "text", body: word } }),
    storeFile: (file: TSandboxFile) => storeFile(file).id,
    handleMedia,
    resetMedia: () => media.clear(),
  };
}
