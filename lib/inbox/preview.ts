// One line for a conversation's newest message in the inbox list. Client and server safe.

const KIND_LABEL: Record<string, string> = {
  image: "Photo",
  video: "Video",
  audio: "Voice message",
  document: "Document",
  sticker: "Sticker",
  location: "Location",
  contacts: "Contact card",
  reaction: "Reaction",
  button: "Button reply",
  interactive: "Reply",
  unsupported: "A message WhatsApp cannot show here",
};

const MAX_PREVIEW = 90;

export function messagePreview(message: { kind: string; body: string | null; templateName: string | null }): string {
  const text = message.body?.replace(/\s+/g, " ").trim();
  if (text) return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW - 1)}…` : text;
  if (message.templateName) return `Template ${message.templateName}`;
  return KIND_LABEL[message.kind] ?? `(${message.kind})`;
}
