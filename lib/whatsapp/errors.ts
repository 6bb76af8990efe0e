// Meta's error codes, in words an admin can act on. This table is the only place they live.
import type { TGraphErrorBody, TWebhookError } from "@/lib/whatsapp/types";

export type TWhatsAppErrorKind =
  | "auth"
  | "permission"
  | "config"
  | "recipient"
  | "window"
  | "template"
  | "rate_limit"
  | "temporary"
  | "policy"
  | "request"
  | "unknown";

type TEntry = { kind: TWhatsAppErrorKind; title: string; action: string; retryable: boolean; retryAfterMs?: number };

const PERMISSION: TEntry = {
  kind: "permission",
  title: "Permission missing",
  action: "Give the access token the permissions whatsapp_business_messaging and whatsapp_business_management (Business Settings → System users → Assign assets), then make a new token.",
  retryable: false,
};
const TEMPORARY: TEntry = { kind: "temporary", title: "WhatsApp had a temporary problem", action: "Nothing to do: it is retried. If it keeps happening, check Meta's status page.", retryable: true, retryAfterMs: 5_000 };

const CODES: Record<number, TEntry> = {
  0: { kind: "auth", title: "Access token not accepted", action: "Generate a new access token and update WHATSAPP_ACCESS_TOKEN.", retryable: false },
  1: { ...TEMPORARY, title: "Unknown WhatsApp API error" },
  2: TEMPORARY,
  3: { ...PERMISSION, title: "Capability or permission missing for this call" },
  4: { kind: "rate_limit", title: "Too many API calls for this app", action: "Nothing to do: sending slows down and retries after a pause.", retryable: true, retryAfterMs: 60_000 },
  10: PERMISSION,
  100: { kind: "request", title: "Invalid parameter", action: "A request the app sent was not valid; check the details and report it.", retryable: false },
  190: { kind: "auth", title: "Access token expired or invalid", action: "Make a new access token and update WHATSAPP_ACCESS_TOKEN. Use a system-user token, which does not expire.", retryable: false },
  368: { kind: "policy", title: "Temporarily blocked for policy violations", action: "Check the account's quality and policy status in WhatsApp Manager, or contact Meta Business Support.", retryable: false },
  80007: { kind: "rate_limit", title: "WhatsApp Business Account rate limit reached", action: "Nothing to do: sending slows down and retries after a pause.", retryable: true, retryAfterMs: 60_000 },
  130429: { kind: "rate_limit", title: "Throughput limit reached", action: "Nothing to do: sending slows down and retries.", retryable: true, retryAfterMs: 2_000 },
  131000: { ...TEMPORARY, title: "Something went wrong at WhatsApp" },
  131005: { ...PERMISSION, title: "Access denied" },
  131008: { kind: "request", title: "Required parameter missing", action: "The app sent an incomplete request; report it with the details.", retryable: false },
  131009: { kind: "request", title: "Parameter value not valid", action: "Check the phone number and message content; report it if they look right.", retryable: false },
  131016: { ...TEMPORARY, title: "WhatsApp service unavailable" },
  131021: { kind: "recipient", title: "Recipient is the business's own number", action: "Correct the customer's phone number.", retryable: false },
  131026: { kind: "recipient", title: "Message undeliverable", action: "The number may not be on WhatsApp, or the customer's app is too old or has not accepted the terms. Contact the customer by email.", retryable: false },
  131030: { kind: "recipient", title: "Recipient not on the test number's allowed list", action: "Add this number in Meta's App Dashboard (WhatsApp → API Setup), or switch to the business's real number.", retryable: false },
  131031: { kind: "policy", title: "Business account locked", action: "Contact Meta Business Support.", retryable: false },
  131037: { kind: "config", title: "Display name not approved yet", action: "Wait for Meta to approve the phone number's display name (WhatsApp Manager → Phone numbers).", retryable: false },
  131042: { kind: "config", title: "Payment problem on the WhatsApp account", action: "Fix the payment method in Business Settings → WhatsApp accounts → Payment.", retryable: false },
  131045: { kind: "config", title: "Phone number not registered", action: "Register the phone number with the Cloud API (certificate and PIN) in WhatsApp Manager.", retryable: false },
  131047: { kind: "window", title: "Outside the 24-hour window", action: "The customer has not written in the last 24 hours: send an approved template instead.", retryable: false },
  131049: { kind: "policy", title: "WhatsApp chose not to deliver this message", action: "Meta limits marketing messages per customer. Do not resend now; try another day or use email.", retryable: false },
  131050: { kind: "recipient", title: "Customer stopped marketing messages", action: "Respect the customer's choice: do not send marketing templates to them.", retryable: false },
  131051: { kind: "request", title: "Unsupported message type", action: "Report this: the app sent a type WhatsApp does not accept.", retryable: false },
  131053: { kind: "request", title: "Media could not be uploaded", action: "Check the file's type and size.", retryable: false },
  131056: { kind: "rate_limit", title: "Too many messages to this customer too quickly", action: "Nothing to do: the next message to this customer waits a little.", retryable: true, retryAfterMs: 6_000 },
  131057: { ...TEMPORARY, title: "WhatsApp account in maintenance", retryAfterMs: 60_000 },
  132000: { kind: "template", title: "Template parameters do not match", action: "Fill in exactly the parameters the approved template has.", retryable: false },
  132001: { kind: "template", title: "Template not found or not approved", action: "Check the template's name and language in WhatsApp Manager; only approved templates can be sent.", retryable: false },
  132005: { kind: "template", title: "Template text too long", action: "Shorten the parameters.", retryable: false },
  132007: { kind: "template", title: "Template content breaks WhatsApp policy", action: "Edit the template in WhatsApp Manager.", retryable: false },
  132012: { kind: "template", title: "Template parameter format does not match", action: "Fill in the parameters in the format the template expects.", retryable: false },
  132015: { kind: "template", title: "Template paused for low quality", action: "Use another template, or edit this one in WhatsApp Manager.", retryable: false },
  132016: { kind: "template", title: "Template disabled for low quality", action: "Use another template.", retryable: false },
  133010: { kind: "config", title: "Phone number not registered on the Cloud API", action: "Register the phone number in WhatsApp Manager.", retryable: false },
  135000: { kind: "unknown", title: "WhatsApp refused the request", action: "Read the details below; report it if they do not help.", retryable: false },
};

const SUBCODES: Record<string, Partial<TEntry>> = {
  "100:33": {
    kind: "config",
    title: "Phone number id not found for this token",
    action: "Check WHATSAPP_PHONE_NUMBER_ID, that the number is linked to this app, and that the token has access to its WhatsApp Business Account.",
  },
  "190:463": { title: "Access token expired" },
  "190:467": { title: "Access token invalid" },
  "190:460": { title: "Access token revoked (password changed)" },
};

function lookup(code: number, subcode?: number): TEntry {
  const base = CODES[code] ?? (code >= 200 && code <= 299 ? PERMISSION : undefined);
  const entry = base ?? { kind: "unknown", title: `WhatsApp error ${code}`, action: "Read the details below; report it if they do not help.", retryable: false };
  return { ...entry, ...(subcode !== undefined ? SUBCODES[`${code}:${subcode}`] : undefined) };
}

export type TWhatsAppErrorInit = {
  code: number | string;
  subcode?: number;
  kind: TWhatsAppErrorKind;
  title: string;
  action: string;
  retryable: boolean;
  retryAfterMs?: number;
  httpStatus?: number;
  fbtraceId?: string;
  details?: string;
  /** True when the request may have reached Meta but no answer came back (timeout, reset). */
  outcomeUnknown?: boolean;
};

export class WhatsAppError extends Error {
  readonly code: number | string;
  readonly subcode?: number;
  readonly kind: TWhatsAppErrorKind;
  readonly title: string;
  readonly action: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly httpStatus?: number;
  readonly fbtraceId?: string;
  readonly details?: string;
  readonly outcomeUnknown: boolean;
  /** The request body as sent, when there was one (for the audit log). */
  request?: unknown;

  constructor(init: TWhatsAppErrorInit) {
    super(`${init.title} (${init.code})${init.details ? `: ${init.details}` : ""}`);
    this.name = "WhatsAppError";
    this.code = init.code;
    this.subcode = init.subcode;
    this.kind = init.kind;
    this.title = init.title;
    this.action = init.action;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
    this.httpStatus = init.httpStatus;
    this.fbtraceId = init.fbtraceId;
    this.details = init.details;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
  }
}

export function whatsAppErrorFromEnvelope(body: unknown, httpStatus: number): WhatsAppError {
  const error = (body as { error?: TGraphErrorBody } | null)?.error;
  if (!error || typeof error.code !== "number") {
    const temporary = httpStatus >= 500 || httpStatus === 429;
    return new WhatsAppError({
      code: `http_${httpStatus}`,
      kind: temporary ? (httpStatus === 429 ? "rate_limit" : "temporary") : "unknown",
      title: temporary ? `WhatsApp answered HTTP ${httpStatus}` : `Unexpected answer from WhatsApp (HTTP ${httpStatus})`,
      action: temporary ? "Nothing to do: it is retried." : "Check WHATSAPP_API_BASE_URL and WHATSAPP_API_VERSION.",
      retryable: temporary,
      retryAfterMs: temporary ? 5_000 : undefined,
      httpStatus,
    });
  }
  const entry = lookup(error.code, error.error_subcode);
  return new WhatsAppError({
    ...entry,
    code: error.code,
    subcode: error.error_subcode,
    httpStatus,
    fbtraceId: error.fbtrace_id,
    details: error.error_data?.details ?? error.message,
  });
}

/** For the errors inside a `failed` status webhook. */
export function whatsAppErrorFromStatusError(error: TWebhookError): WhatsAppError {
  return new WhatsAppError({ ...lookup(error.code), code: error.code, details: error.error_data?.details ?? error.message ?? error.title });
}

export function timeoutError(timeoutMs: number): WhatsAppError {
  return new WhatsAppError({
    code: "timeout",
    kind: "temporary",
    title: `No answer from WhatsApp within ${Math.round(timeoutMs / 1000)} s`,
    action: "The message may or may not have gone out. Check with the customer before sending it again.",
    retryable: true,
    outcomeUnknown: true,
  });
}

export function networkError(cause: unknown): WhatsAppError {
  const detail = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
  return new WhatsAppError({
    code: "network",
    kind: "temporary",
    title: "Could not reach WhatsApp",
    action: "Check the server's internet connection; it is retried.",
    retryable: true,
    details: detail,
  });
}
