// Request bodies for POST /{phone-number-id}/messages, built and checked before they leave.
import { WhatsAppError } from "@/lib/whatsapp/errors";
import type { TSendMessageRequest, TTemplateComponent } from "@/lib/whatsapp/types";

export const MAX_TEXT_LENGTH = 4096;
// Meta's documented limit for biz_opaque_callback_data.
const MAX_CALLBACK_DATA = 512;

export type TTextMessage = { to: string; body: string; previewUrl?: boolean; replyTo?: string; callbackData?: string };
export type TTemplateMessage = {
  to: string;
  name: string;
  language: string;
  bodyParameters?: string[];
  headerParameters?: string[];
  buttonUrlParameter?: string;
  callbackData?: string;
};

function invalid(details: string): WhatsAppError {
  return new WhatsAppError({ code: "invalid_request", kind: "request", title: "Message not valid", action: details, retryable: false, details });
}

function common(to: string, callbackData?: string) {
  if (!/^\d{8,15}$/.test(to)) throw invalid("The number must be digits with the country code and no '+', e.g. 27821234567.");
  if (callbackData && callbackData.length > MAX_CALLBACK_DATA) throw invalid("Callback data is too long.");
  return {
    messaging_product: "whatsapp" as const,
    recipient_type: "individual" as const,
    to,
    ...(callbackData ? { biz_opaque_callback_data: callbackData } : {}),
  };
}

export function buildTextPayload(message: TTextMessage): TSendMessageRequest {
  const body = message.body.trim();
  if (!body) throw invalid("The message is empty.");
  if (body.length > MAX_TEXT_LENGTH) throw invalid(`WhatsApp messages can be at most ${MAX_TEXT_LENGTH} characters.`);
  return {
    ...common(message.to, message.callbackData),
    ...(message.replyTo ? { context: { message_id: message.replyTo } } : {}),
    type: "text",
    text: { body, preview_url: message.previewUrl ?? false },
  };
}

export function buildTemplatePayload(message: TTemplateMessage): TSendMessageRequest {
  if (!message.name.trim()) throw invalid("Choose a template.");
  const components: TTemplateComponent[] = [];
  const text = (value: string) => ({ type: "text" as const, text: value });
  if (message.headerParameters?.length) components.push({ type: "header", parameters: message.headerParameters.map(text) });
  if (message.bodyParameters?.length) components.push({ type: "body", parameters: message.bodyParameters.map(text) });
  if (message.buttonUrlParameter) {
    components.push({ type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: message.buttonUrlParameter }] });
  }
  return {
    ...common(message.to, message.callbackData),
    type: "template",
    template: { name: message.name, language: { code: message.language }, ...(components.length ? { components } : {}) },
  };
}
