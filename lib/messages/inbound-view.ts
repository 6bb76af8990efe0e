// A customer's WhatsApp message as the browser gets it (plain JSON), and the one line that says
// what it was ("Photo: The card", "Tapped “Accept”", "Reacted 👍"). Client-safe: the message
// history, the feeds and the inbox all read messages through these two functions.
import type { TInboundRow } from "@/lib/inbound-row";
import type { TSharedContact } from "@/lib/whatsapp/inbound-content";

export type { TInboundRow } from "@/lib/inbound-row";

export type TInboundView = {
  kind: string;
  body: string | null;
  replyId: string | null;
  replyOutcome: string | null;
  /** Download through /api/admin/media/<message id> (admins only). */
  media: { downloadPath: string; mimeType: string | null; filename: string | null; size: number | null } | null;
  location: { latitude: number; longitude: number; name: string | null; address: string | null; mapUrl: string } | null;
  contacts: TSharedContact[];
  unsupported: { title: string | null; detail: string | null } | null;
};

const MEDIA_LABEL: Record<string, string> = { image: "Photo", video: "Video", audio: "Audio", document: "Document", sticker: "Sticker" };

function contactsOf(json: string | null | undefined): TSharedContact[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as TSharedContact[]) : [];
  } catch {
    return [];
  }
}

export function toInboundView(row: TInboundRow): TInboundView {
  const hasLocation = typeof row.locationLatitude === "number" && typeof row.locationLongitude === "number";
  return {
    kind: row.kind,
    body: row.body,
    replyId: row.replyId ?? null,
    replyOutcome: row.replyOutcome ?? null,
    media: row.mediaId
      ? { downloadPath: `/api/admin/media/${row.id}`, mimeType: row.mediaMimeType ?? null, filename: row.mediaFilename ?? null, size: row.mediaSize ?? null }
      : null,
    location: hasLocation
      ? {
          latitude: row.locationLatitude!,
          longitude: row.locationLongitude!,
          name: row.locationName ?? null,
          address: row.locationAddress ?? null,
          mapUrl: `https://www.openstreetmap.org/?mlat=${row.locationLatitude}&mlon=${row.locationLongitude}#map=17/${row.locationLatitude}/${row.locationLongitude}`,
        }
      : null,
    contacts: row.kind === "contacts" ? contactsOf(row.contactsJson) : [],
    unsupported: row.kind === "unsupported" ? { title: row.errorTitle ?? null, detail: row.errorDetail ?? null } : null,
  };
}

const quotedText = (text: string | null) => `“${text ?? ""}”`;

/** One line saying what the customer sent. */
export function describeInbound(view: TInboundView): string {
  switch (view.kind) {
    case "text":
      return view.body ?? "";
    case "button":
      return `Tapped ${quotedText(view.body)}${view.replyOutcome ? ` (${view.replyOutcome})` : ""}`;
    case "button_reply":
      return `Chose ${quotedText(view.body)}`;
    case "list_reply":
      return `Picked ${quotedText(view.body)} from the list`;
    case "reaction":
      return view.body ? `Reacted ${view.body}` : "Took a reaction back";
    case "location": {
      const place = [view.location?.name, view.location?.address].filter(Boolean).join(", ");
      const at = view.location ? `${view.location.latitude}, ${view.location.longitude}` : "";
      return `Location: ${place ? `${place} (${at})` : at}`;
    }
    case "contacts": {
      const people = view.contacts.map((contact) => [contact.name, ...contact.phones.map((phone) => phone.phone)].join(" "));
      return `Shared ${view.contacts.length === 1 ? "a contact" : `${view.contacts.length} contacts`}: ${people.join("; ")}`;
    }
    case "unsupported":
      return `A message WhatsApp cannot show here${view.unsupported?.detail ? `: ${view.unsupported.detail}` : ""}`;
    default: {
      const label = MEDIA_LABEL[view.kind] ?? `A ${view.kind} message`;
      const name = view.media?.filename ? ` ${view.media.filename}` : "";
      return `${label}${name}${view.body ? `: ${view.body}` : ""}`;
    }
  }
}
