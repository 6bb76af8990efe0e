// The shared rendering of a customer's message, as an admin reads it: files link to the admin-only
// media route (never to Meta), a location to a map, contacts and Meta's unsupported say what they are.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InboundMessage } from "@/components/inbound-message";
import { toInboundView, type TInboundRow } from "@/lib/messages/inbound-view";

const render = (row: Partial<TInboundRow> & { kind: string }) =>
  renderToStaticMarkup(createElement(InboundMessage, { content: toInboundView({ id: "msg1", body: null, ...row }) }));
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("InboundMessage", () => {
  it("links a photo to the admin-only media route, with its caption, type and size", () => {
    const html = render({ kind: "image", body: "Like this", mediaId: "1234", mediaMimeType: "image/jpeg", mediaSize: 2_500_000 });
    expect(html).toContain('href="/api/admin/media/msg1"');
    expect(html).not.toContain("1234");
    expect(text(html)).toBe("Photo image/jpeg, 2.4 MB Like this");
  });

  it("names a document by its file name", () => {
    expect(text(render({ kind: "document", mediaId: "9", mediaFilename: "brief.pdf" }))).toBe("Document brief.pdf");
  });

  it("shows a location with a map link", () => {
    const html = render({ kind: "location", locationLatitude: -33.92, locationLongitude: 18.42, locationName: "Shop" });
    expect(text(html)).toBe("Location: Shop (-33.92, 18.42) Open map");
    expect(html).toContain("https://www.openstreetmap.org/?mlat=-33.92&amp;mlon=18.42");
  });

  it("lists shared contacts, and says what a button did", () => {
    expect(text(render({ kind: "contacts", contactsJson: JSON.stringify([{ name: "Bea", phones: [{ phone: "+27 82 000 1111" }], emails: ["bea@example.com"] }]) }))).toBe("Bea +27 82 000 1111 bea@example.com");
    expect(text(render({ kind: "button", body: "Accept", replyOutcome: "Accepted the quote; the order was made." }))).toBe("Tapped “Accept” (Accepted the quote; the order was made.)");
  });

  it("says why WhatsApp could not pass a message on, and keeps a customer's words as written", () => {
    expect(text(render({ kind: "unsupported", errorDetail: "Message type is currently not supported." }))).toBe("A message WhatsApp cannot show here: Message type is currently not supported.");
    expect(render({ kind: "text", body: "<b>hi</b>\nthere" })).toContain("&lt;b&gt;hi&lt;/b&gt;\nthere");
  });
});
