// The Message columns an inbound message's content fills: its words in `body` (text, caption,
// button or list title, reaction emoji), the rest in the columns of its kind. An unsupported
// message keeps Meta's code (131051) or our reason in the error columns, so the admin sees why it
// shows no content.
import type { TInboundContent } from "@/lib/whatsapp/inbound-content";

export type TInboundColumns = {
  kind: string;
  body: string | null;
  contextWamid?: string | null;
  replyId?: string | null;
  mediaId?: string | null;
  mediaMimeType?: string | null;
  mediaSha256?: string | null;
  mediaFilename?: string | null;
  locationLatitude?: number | null;
  locationLongitude?: number | null;
  locationName?: string | null;
  locationAddress?: string | null;
  contactsJson?: string | null;
  errorCode?: string | null;
  errorTitle?: string | null;
  errorDetail?: string | null;
};

/** The columns for `content`; `contextWamid` is the message it replies to, when Meta said so. */
export function inboundColumns(content: TInboundContent, contextWamid?: string): TInboundColumns {
  const context = contextWamid ? { contextWamid } : {};
  switch (content.kind) {
    case "text":
      return { kind: "text", body: content.body, ...context };
    case "button":
      return { kind: "button", body: content.body, replyId: content.replyId ?? null, ...context };
    case "interactive":
      return { kind: content.replyType, body: content.body, replyId: content.replyId, ...context };
    case "reaction":
      // What it reacts to is what it is about.
      return { kind: "reaction", body: content.emoji ?? null, contextWamid: content.targetWamid };
    case "location":
      return {
        kind: "location",
        body: null,
        locationLatitude: content.latitude,
        locationLongitude: content.longitude,
        locationName: content.name ?? null,
        locationAddress: content.address ?? null,
        ...context,
      };
    case "contacts":
      return { kind: "contacts", body: null, contactsJson: JSON.stringify(content.contacts), ...context };
    case "unsupported":
      return {
        kind: "unsupported",
        body: null,
        errorCode: content.code === undefined ? null : String(content.code),
        errorTitle: content.type === "unsupported" || content.type === "unknown" ? "WhatsApp could not pass this message on" : `A ${content.type} message`,
        errorDetail: content.reason,
        ...context,
      };
    default:
      return {
        kind: content.kind,
        body: content.media.caption ?? null,
        mediaId: content.media.id,
        mediaMimeType: content.media.mimeType ?? null,
        mediaSha256: content.media.sha256 ?? null,
        mediaFilename: content.media.filename ?? null,
        ...context,
      };
  }
}
