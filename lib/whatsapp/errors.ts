// Meta's error codes, in words an admin can act on, and whether trying again can help. This
// table is the only place they live: the client, the webhook parser and the sandbox all map
// through it.
import type { TGraphErrorBody, TWebhookError } from "@/lib/whatsapp/types";
import { redactText } from "@/lib/redact";

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

const NEW_TOKEN =
  "Generate a new access token in Meta's App Dashboard and update WHATSAPP_ACCESS_TOKEN; use a system-user token that does not expire.";
const PERMISSION: TEntry = {
  kind: "permission",
  title: "Permission missing",
  action:
    "Grant whatsapp_business_messaging and whatsapp_business_management to the token's system user for this WhatsApp account (Business Settings → System users → Assign assets), then generate a new token.",
  retryable: false,
};
const TEMPORARY: TEntry = {
  kind: "temporary",
  title: "WhatsApp had a temporary problem",
  action: "Nothing to do: it is retried. If it keeps happening, check Meta's status page.",
  retryable: true,
  retryAfterMs: 5_000,
};
const CALL_RATE: TEntry = {
  kind: "rate_limit",
  title: "Too many API calls for this app",
  action: "Nothing to do: sending pauses and tries again. If it happens often, check the app's usage in the App Dashboard.",
  retryable: true,
  retryAfterMs: 60_000,
};

const CODES: Record<number, TEntry> = {
  0: { kind: "auth", title: "Access token not accepted", action: NEW_TOKEN, retryable: false },
  1: { ...TEMPORARY, title: "Unknown WhatsApp API error" },
  2: { ...TEMPORARY, title: "WhatsApp API temporarily unavailable" },
  3: { ...PERMISSION, title: "Capability or permission missing for this call" },
  4: CALL_RATE,
  10: PERMISSION,
  100: { kind: "request", title: "Invalid parameter", action: "A request the app sent was not valid; report it with the details below.", retryable: false },
  190: { kind: "auth", title: "Access token expired or invalid", action: NEW_TOKEN, retryable: false },
  368: {
    kind: "policy",
    title: "Temporarily blocked for policy violations",
    action: "Check the account's policy status in WhatsApp Manager and contact Meta Business Support.",
    retryable: false,
  },
  80007: { ...CALL_RATE, title: "WhatsApp Business Account rate limit reached" },
  130429: {
    kind: "rate_limit",
    title: "Throughput limit reached",
    action: "Nothing to do: sending slows down and tries again.",
    retryable: true,
    retryAfterMs: 2_000,
  },
  131000: { ...TEMPORARY, title: "Something went wrong at WhatsApp" },
  131005: { ...PERMISSION, title: "Access denied" },
  131008: { kind: "request", title: "Required parameter missing", action: "The app sent an incomplete request; report it with the details below.", retryable: false },
  131009: { kind: "request", title: "Parameter value not valid", action: "Check the phone number and the message; report it if they look right.", retryable: false },
  131016: { ...TEMPORARY, title: "WhatsApp service unavailable" },
  131021: { kind: "recipient", title: "Recipient is the business's own number", action: "Correct the customer's phone number.", retryable: false },
  131026: {
    kind: "recipient",
    title: "Message undeliverable",
    action: "The number may not be on WhatsApp, or the customer's app is old or has not accepted WhatsApp's terms. Contact the customer by email.",
    retryable: false,
  },
  131030: {
    kind: "recipient",
    title: "Recipient not on the test number's allowed list",
    action: "Add and verify this number in Meta's App Dashboard (WhatsApp → API Setup), or switch to the business's real phone number.",
    retryable: false,
  },
  131031: { kind: "policy", title: "WhatsApp Business Account locked", action: "Contact Meta Business Support.", retryable: false },
  131037: {
    kind: "config",
    title: "Display name not approved yet",
    action: "Wait for Meta to approve the phone number's display name (WhatsApp Manager → Phone numbers), then send again.",
    retryable: false,
  },
  131042: {
    kind: "config",
    title: "Payment problem on the WhatsApp account",
    action: "Fix the payment method in Business Settings → WhatsApp accounts → Payment settings.",
    retryable: false,
  },
  131045: {
    kind: "config",
    title: "Phone number not registered",
    action: "Register the phone number with the Cloud API in WhatsApp Manager.",
    retryable: false,
  },
  131047: {
    kind: "window",
    title: "More than 24 hours since the customer last wrote",
    action: "Free text is only allowed within 24 hours of the customer's last message: send an approved template instead.",
    retryable: false,
  },
  // Meta's own advice is "later, not at once": no automatic retry, the admin decides.
  131049: {
    kind: "policy",
    title: "WhatsApp chose not to deliver this message",
    action: "Meta limits how many marketing messages one customer gets. Do not resend now; try another day or use email.",
    retryable: false,
  },
  131050: {
    kind: "recipient",
    title: "Customer stopped marketing messages",
    action: "Respect the customer's choice: send them no marketing templates.",
    retryable: false,
  },
  131051: { kind: "request", title: "Unsupported message type", action: "Report this: the app sent a message type WhatsApp does not accept.", retryable: false },
  131053: { kind: "request", title: "Media could not be uploaded", action: "Check the file's type and size.", retryable: false },
  131056: {
    kind: "rate_limit",
    title: "Too many messages to this customer too quickly",
    action: "Nothing to do: the next message to this customer waits a little.",
    retryable: true,
    retryAfterMs: 6_000,
  },
  131057: { ...TEMPORARY, title: "WhatsApp account in maintenance", retryAfterMs: 60_000 },
  // Meta, 2026: a customer known only by username (business-scoped user id) cannot get every
  // kind of message (one-tap, zero-tap and copy-code authentication templates need a number).
  131062: {
    kind: "recipient",
    title: "This message cannot go to a WhatsApp username",
    action:
      "The customer is known only by their WhatsApp username, and WhatsApp needs a phone number for this kind of message (authentication templates). Add the customer's phone number, send a different template, or use email.",
    retryable: false,
  },
  132000: { kind: "template", title: "Template parameters do not match", action: "Fill in exactly the parameters the approved template has.", retryable: false },
  132001: {
    kind: "template",
    title: "Template not found or not approved",
    action: "Check the template's name and language in WhatsApp Manager and sync templates; only approved templates can be sent.",
    retryable: false,
  },
  132005: { kind: "template", title: "Template text too long", action: "Shorten the parameters.", retryable: false },
  132007: { kind: "template", title: "Template content breaks WhatsApp policy", action: "Edit the template in WhatsApp Manager.", retryable: false },
  132012: { kind: "template", title: "Template parameter format does not match", action: "Fill in the parameters in the format the template expects.", retryable: false },
  132015: { kind: "template", title: "Template paused for low quality", action: "Use another template, or edit this one in WhatsApp Manager.", retryable: false },
  132016: { kind: "template", title: "Template disabled for low quality", action: "Use another template.", retryable: false },
  133010: { kind: "config", title: "Phone number not registered on the Cloud API", action: "Register the phone number in WhatsApp Manager.", retryable: false },
  135000: { kind: "unknown", title: "WhatsApp refused the request", action: "Read the details below; report it if they do not help.", retryable: false },
};

const SUBCODES: Record<string, Partial<TEntry>> = {
  // Meta answers a phone number id the token cannot see exactly like one that does not exist.
  "100:33": {
    kind: "config",
    title: "Phone number id not found for this token",
    action:
      "Check WHATSAPP_PHONE_NUMBER_ID, that the number is linked to this app's WhatsApp Business Account, and that the token has access to that account.",
  },
  "190:463": { title: "Access token expired" },
  "190:467": { title: "Access token invalid" },
  "190:460": { title: "Access token revoked (password changed)" },
};

/** The table's entry for a code (200–299 are all permission errors), or undefined when unknown. */
function entryOf(code: number): TEntry | undefined {
  return CODES[code] ?? (code >= 200 && code <= 299 ? PERMISSION : undefined);
}

export function isKnownWhatsAppErrorCode(code: number): boolean {
  return entryOf(code) !== undefined;
}

/** Title, action, kind and retry advice for a Meta code (for callers that only have a code). */
export function describeWhatsAppError(code: number, subcode?: number): TEntry {
  const entry = entryOf(code) ?? {
    kind: "unknown" as const,
    title: `WhatsApp error ${code}`,
    action: "Read the details below; report it if they do not help.",
    retryable: false,
  };
  return { ...entry, ...(subcode !== undefined ? SUBCODES[`${code}:${subcode}`] : undefined) };
}

// Meta's messages do not echo tokens, but a URL in a transport error can (debug_token carries
// the token as a query parameter). Scrubbed here so no WhatsAppError can carry one.

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
  /** Meta's numeric code, or a local one: "timeout", "network", "http_<status>", "invalid_request". */
  readonly code: number | string;
  readonly subcode?: number;
  readonly kind: TWhatsAppErrorKind;
  /** Short, for a list or a toast: "Access token expired". */
  readonly title: string;
  /** What the admin should do, in plain words. */
  readonly action: string;
  readonly retryable: boolean;
  /** How long to wait before retrying, when retryable (rate limits need a real pause). */
  readonly retryAfterMs?: number;
  readonly httpStatus?: number;
  /** Meta's trace id: quote it to Meta support. */
  readonly fbtraceId?: string;
  /** Meta's error_data.details (or message), scrubbed of anything token-like. */
  readonly details?: string;
  readonly outcomeUnknown: boolean;
  /** The request body as sent, when there was one (for the audit log). Never holds a secret. */
  request?: unknown;

  constructor(init: TWhatsAppErrorInit) {
    const details = init.details === undefined ? undefined : redactText(init.details);
    super(`${init.title} (${init.code})${details ? `: ${details}` : ""}`);
    this.name = "WhatsAppError";
    this.code = init.code;
    this.subcode = init.subcode;
    this.kind = init.kind;
    this.title = init.title;
    this.action = init.action;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryable ? init.retryAfterMs : undefined;
    this.httpStatus = init.httpStatus;
    this.fbtraceId = init.fbtraceId;
    this.details = details;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
  }
}

/** A non-2xx answer from the Graph API: Meta's envelope when there is one, else by HTTP status. */
export function whatsAppErrorFromEnvelope(body: unknown, httpStatus: number): WhatsAppError {
  const error = body && typeof body === "object" ? (body as { error?: TGraphErrorBody }).error : undefined;
  if (!error || typeof error.code !== "number") return errorWithoutEnvelope(httpStatus);
  return new WhatsAppError({
    ...describeWhatsAppError(error.code, error.error_subcode),
    code: error.code,
    subcode: error.error_subcode,
    httpStatus,
    fbtraceId: error.fbtrace_id,
    details: error.error_data?.details ?? error.error_user_msg ?? error.message,
  });
}

// A proxy, a load balancer or a wrong base URL answers without Meta's envelope: 5xx and 429 are
// worth retrying, 404 usually means WHATSAPP_API_BASE_URL or the version is wrong.
function errorWithoutEnvelope(httpStatus: number): WhatsAppError {
  const code = `http_${httpStatus}`;
  if (httpStatus >= 500 || httpStatus === 408) {
    return new WhatsAppError({ ...TEMPORARY, code, title: `WhatsApp answered HTTP ${httpStatus}`, httpStatus });
  }
  if (httpStatus === 429) return new WhatsAppError({ ...CALL_RATE, code, title: "Too many requests (HTTP 429)", httpStatus });
  return new WhatsAppError({
    code,
    kind: httpStatus === 404 ? "config" : "unknown",
    title: `Unexpected answer from WhatsApp (HTTP ${httpStatus})`,
    action: "Check WHATSAPP_API_BASE_URL and WHATSAPP_API_VERSION; report it if they are right.",
    retryable: false,
    httpStatus,
  });
}

/** One error of a `failed` status webhook (`statuses[].errors[]`). */
export function whatsAppErrorFromStatusError(error: TWebhookError): WhatsAppError {
  return new WhatsAppError({
    ...describeWhatsAppError(error.code),
    code: error.code,
    details: error.error_data?.details ?? error.message ?? error.title,
  });
}

/** No answer in time. The request may have reached Meta, so a resend could duplicate it. */
export function timeoutError(timeoutMs?: number): WhatsAppError {
  return new WhatsAppError({
    code: "timeout",
    kind: "temporary",
    title: timeoutMs ? `No answer from WhatsApp within ${Math.round(timeoutMs / 1000)} s` : "No answer from WhatsApp in time",
    action: "The message may or may not have gone out. Check the message history (a status may still arrive) before sending it again.",
    retryable: true,
    retryAfterMs: 5_000,
    outcomeUnknown: true,
  });
}

// Refused or unresolvable: the request never left. Anything else (a reset, a hang-up) may have
// happened after Meta took the message.
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

/** The request did not get through, or its answer was lost (DNS, refused, reset). */
export function networkError(cause: unknown): WhatsAppError {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  const detail = inner instanceof Error ? inner.message : String(inner);
  const errno = inner && typeof inner === "object" ? (inner as { code?: unknown }).code : undefined;
  return new WhatsAppError({
    code: "network",
    kind: "temporary",
    title: "Could not reach WhatsApp",
    action: "Check the server's internet connection and WHATSAPP_API_BASE_URL; it is retried.",
    retryable: true,
    retryAfterMs: 5_000,
    details: detail,
    outcomeUnknown: !(typeof errno === "string" && NEVER_SENT.has(errno)),
  });
}

/** A request this app refused to send (bad number, empty text): a bug or bad input, not Meta. */
export function invalidRequestError(details: string): WhatsAppError {
  return new WhatsAppError({ code: "invalid_request", kind: "request", title: "Message not valid", action: details, retryable: false, details });
}
