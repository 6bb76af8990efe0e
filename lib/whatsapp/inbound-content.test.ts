import { describe, expect, it } from "vitest";
import { parseInboundContent } from "@/lib/whatsapp/inbound-content";

const base = { from: "27821234567", id: "wamid.IN", timestamp: "1732450000" };

describe("parseInboundContent", () => {
  it.each([
    ["text", { type: "text", text: { body: "Yes please" } }, { kind: "text", body: "Yes please" }],
    ["a template's quick reply", { type: "button", button: { text: "Accept", payload: "ACCEPT" } }, { kind: "button", body: "Accept", replyId: "ACCEPT" }],
    [
      "a button reply",
      { type: "interactive", interactive: { type: "button_reply", button_reply: { id: "slot-1", title: "Morning" } } },
      { kind: "interactive", replyType: "button_reply", body: "Morning", replyId: "slot-1" },
    ],
    [
      "a list reply",
      { type: "interactive", interactive: { type: "list_reply", list_reply: { id: "roses", title: "Roses", description: "A dozen" } } },
      { kind: "interactive", replyType: "list_reply", body: "Roses", replyId: "roses", description: "A dozen" },
    ],
    ["a reaction", { type: "reaction", reaction: { message_id: "wamid.OUT", emoji: "👍" } }, { kind: "reaction", emoji: "👍", targetWamid: "wamid.OUT" }],
    ["a reaction taken back", { type: "reaction", reaction: { message_id: "wamid.OUT", emoji: "" } }, { kind: "reaction", targetWamid: "wamid.OUT" }],
    [
      "an image",
      { type: "image", image: { id: "m1", mime_type: "image/jpeg", sha256: "abc", caption: "The card" } },
      { kind: "image", media: { id: "m1", mimeType: "image/jpeg", sha256: "abc", caption: "The card" } },
    ],
    [
      "a document",
      { type: "document", document: { id: "m2", mime_type: "application/pdf", filename: "invoice.pdf" } },
      { kind: "document", media: { id: "m2", mimeType: "application/pdf", filename: "invoice.pdf" } },
    ],
    ["a voice note", { type: "audio", audio: { id: "m3", mime_type: "audio/ogg; codecs=opus", voice: true } }, { kind: "audio", media: { id: "m3", mimeType: "audio/ogg; codecs=opus", voice: true } }],
    ["a video", { type: "video", video: { id: "m4", mime_type: "video/mp4" } }, { kind: "video", media: { id: "m4", mimeType: "video/mp4" } }],
    ["a sticker", { type: "sticker", sticker: { id: "m5", mime_type: "image/webp", animated: false } }, { kind: "sticker", media: { id: "m5", mimeType: "image/webp" } }],
    [
      "a location",
      { type: "location", location: { latitude: -33.92, longitude: 18.42, name: "Shop", address: "1 Long St" } },
      { kind: "location", latitude: -33.92, longitude: 18.42, name: "Shop", address: "1 Long St" },
    ],
    [
      "contacts",
      { type: "contacts", contacts: [{ name: { formatted_name: "Ann Smith" }, phones: [{ phone: "+27 82 123 4567", wa_id: "27821234567" }], emails: [{ email: "ann@example.com" }] }] },
      { kind: "contacts", contacts: [{ name: "Ann Smith", phones: [{ phone: "+27 82 123 4567", waId: "27821234567" }], emails: ["ann@example.com"] }] },
    ],
    [
      "Meta's unsupported type, with its error",
      { type: "unsupported", errors: [{ code: 131051, title: "Message type unknown", error_data: { details: "Message type is currently not supported." } }] },
      { kind: "unsupported", type: "unsupported", code: 131051, reason: "Message type is currently not supported." },
    ],
  ])("reads %s", (_label, message, expected) => {
    expect(parseInboundContent({ ...base, ...message })).toEqual(expected);
  });

  it.each([
    ["a type it does not know", { type: "order", order: {} }, /type "order" is not shown/],
    ["an image without a media id", { type: "image", image: { mime_type: "image/jpeg" } }, /image message did not have the expected fields \(image\.id/],
    ["a location out of range", { type: "location", location: { latitude: 123, longitude: 0 } }, /location\.latitude/],
    ["a reaction to nothing", { type: "reaction", reaction: { emoji: "👍" } }, /reaction\.message_id/],
    ["an interactive reply without its reply", { type: "interactive", interactive: { type: "list_reply" } }, /interactive\.list_reply/],
    ["text without a body", { type: "text", text: {} }, /text\.body/],
    ["no type at all", {}, /did not pass this message's content on/],
  ])("stores %s as unsupported, with the reason", (_label, message, reason) => {
    const content = parseInboundContent({ ...base, ...message });
    expect(content.kind).toBe("unsupported");
    expect(content.kind === "unsupported" && content.reason).toMatch(reason);
  });

  it("never throws, whatever it is given", () => {
    for (const raw of [null, 1, "x", [], { type: 5 }, { type: "contacts", contacts: "many" }]) expect(parseInboundContent(raw).kind).toBe("unsupported");
  });
});
