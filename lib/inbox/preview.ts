// One line for a conversation's newest message in the inbox list: what we sent (a customer's
// message is described by lib/messages/inbound-view.ts). Client and server safe.

const MAX_PREVIEW = 90;

/** Text on one line, cut to fit a list row. */
export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_PREVIEW ? `${flat.slice(0, MAX_PREVIEW - 1)}…` : flat;
}

export function messagePreview(message: { kind: string; body: string | null; templateName: string | null }): string {
  if (message.body?.trim()) return oneLine(message.body);
  if (message.templateName) return `Template ${message.templateName}`;
  return `(${message.kind})`;
}
