// Request bodies for POST /{phone-number-id}/messages, built and checked before they leave, so a
// bad number or an over-long text fails here with a clear message instead of as Meta's 100/131009.
import { invalidRequestError } from "@/lib/whatsapp/errors";
import type { TMarkReadRequest, TSendMessageRequest, TTemplateComponent } from "@/lib/whatsapp/types";

export const MAX_TEXT_LENGTH = 4096;
/** Meta's limit for biz_opaque_callback_data. */
export const MAX_CALLBACK_DATA_LENGTH = 512;

export type TTextMessage = {
  /** Digits with country code, no "+": 27821234567; or a business-scoped user id ("ZA.1234…"). */
  to: string;
  body: string;
  previewUrl?: boolean;
  /** The wamid of the inbound message this answers (shown as a quote in WhatsApp). */
  replyTo?: string;
  /** Our own message id; Meta echoes it on every status webhook. */
  callbackData: string;
};

export type TTemplateMessage = {
  to: string;
  name: string;
  /** Meta's language code, exactly as approved: "en", "en_US". */
  language: string;
  /** Body parameters in the template's order: {{1}} first, or its named ones by first appearance. */
  bodyParameters: string[];
  /** For a template made with named parameters: each body parameter's name, in the same order. */
  bodyParameterNames?: string[];
  headerParameters?: string[];
  /** The variable part of the first URL button ({{1}} at the end of its URL). */
  buttonUrlParameter?: string;
  callbackData: string;
};

// Code points, not UTF-16 units: an emoji is one character to WhatsApp, two to String.length.
const characters = (text: string) => [...text].length;

// A BSUID: the user's two-letter country, a dot, optionally ENT. (a parent id), then letters and digits.
const BSUID = /^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/;

export function isBusinessScopedUserId(value: string): boolean {
  return BSUID.test(value);
}

/** A customer with a username and no number is addressed by BSUID in `recipient`, never in `to`. */
function address(to: string): { to: string } | { recipient: string } {
  if (isBusinessScopedUserId(to)) return { recipient: to };
  if (!/^[1-9]\d{6,14}$/.test(to)) {
    throw invalidRequestError("The phone number must be digits only, with the country code and without '+' or spaces, e.g. 27821234567.");
  }
  return { to };
}

function common(to: string, callbackData: string) {
  const recipient = address(to);
  if (!callbackData) throw invalidRequestError("Every message needs its callback data (our message id).");
  if (characters(callbackData) > MAX_CALLBACK_DATA_LENGTH) {
    throw invalidRequestError(`Callback data can be at most ${MAX_CALLBACK_DATA_LENGTH} characters.`);
  }
  return {
    messaging_product: "whatsapp" as const,
    recipient_type: "individual" as const,
    ...recipient,
    biz_opaque_callback_data: callbackData,
  };
}

export function buildTextPayload(message: TTextMessage): TSendMessageRequest {
  if (!message.body.trim()) throw invalidRequestError("The message is empty.");
  if (characters(message.body) > MAX_TEXT_LENGTH) {
    throw invalidRequestError(`A WhatsApp message can be at most ${MAX_TEXT_LENGTH} characters.`);
  }
  return {
    ...common(message.to, message.callbackData),
    ...(message.replyTo ? { context: { message_id: message.replyTo } } : {}),
    type: "text",
    text: { body: message.body, preview_url: message.previewUrl ?? false },
  };
}

// Meta refuses template parameters that are empty or hold a newline, a tab or more than four
// spaces in a row (a customer name pasted from a spreadsheet is the usual culprit).
function checkParameter(value: string, where: string): string {
  if (!value.trim()) throw invalidRequestError(`The ${where} is empty.`);
  if (/[\n\t]| {5,}/.test(value)) throw invalidRequestError(`The ${where} may not contain line breaks, tabs or more than four spaces in a row.`);
  return value;
}

export function buildTemplatePayload(message: TTemplateMessage): TSendMessageRequest {
  if (!/^[a-z0-9_]{1,512}$/.test(message.name)) throw invalidRequestError("Choose a template (lower-case letters, digits and underscores).");
  if (!/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/.test(message.language)) throw invalidRequestError(`"${message.language}" is not a template language code.`);
  const text = (where: string) => (value: string, index: number) => ({ type: "text" as const, text: checkParameter(value, `${where} parameter {{${index + 1}}}`) });
  const components: TTemplateComponent[] = [];
  if (message.headerParameters?.length) components.push({ type: "header", parameters: message.headerParameters.map(text("header")) });
  const names = message.bodyParameterNames;
  if (names && names.length !== message.bodyParameters.length) {
    throw invalidRequestError(`The template takes ${names.length} named parameters (${names.join(", ")}); ${message.bodyParameters.length} were given.`);
  }
  const bodyParameter = (value: string, index: number) =>
    names ? { type: "text" as const, parameter_name: names[index]!, text: checkParameter(value, `body parameter {{${names[index]}}}`) } : text("body")(value, index);
  if (message.bodyParameters.length) components.push({ type: "body", parameters: message.bodyParameters.map(bodyParameter) });
  if (message.buttonUrlParameter !== undefined) {
    components.push({ type: "button", sub_type: "url", index: "0", parameters: [text("button")(message.buttonUrlParameter, 0)] });
  }
  return {
    ...common(message.to, message.callbackData),
    type: "template",
    template: { name: message.name, language: { code: message.language }, ...(components.length ? { components } : {}) },
  };
}

/** Marks an inbound message read (the customer sees blue ticks). */
export function buildMarkReadPayload(wamid: string): TMarkReadRequest {
  if (!wamid.trim()) throw invalidRequestError("Which message should be marked read?");
  return { messaging_product: "whatsapp", status: "read", message_id: wamid };
}
