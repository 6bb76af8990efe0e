// A typed client for the WhatsApp Cloud API (Graph API). One fetch wrapper does the timeout, the
// bearer token, the log line (path without query, never the token) and the mapping of Meta's
// error envelope to WhatsAppError; the methods below only shape requests and answers.
import "server-only";
import type { TWhatsAppConfig } from "@/lib/env";
import { log } from "@/lib/log";
import { networkError, timeoutError, whatsAppErrorFromEnvelope, WhatsAppError } from "@/lib/whatsapp/errors";
import {
  buildMarkReadPayload,
  buildTemplatePayload,
  buildTextPayload,
  type TTemplateMessage,
  type TTextMessage,
} from "@/lib/whatsapp/payloads";
import type {
  TDebugToken,
  TDebugTokenData,
  TMediaInfo,
  TMessageTemplate,
  TPaged,
  TPhoneNumber,
  TSendMessageRequest,
  TSendMessageResponse,
  TSubscribedApps,
} from "@/lib/whatsapp/types";

export type TSendResult = {
  wamid: string;
  /** The WhatsApp id Meta resolved the number to; it can differ from `to` in some countries. */
  waId?: string;
  /** "accepted": Meta took it. Delivery arrives later by webhook. */
  messageStatus?: string;
  /** The JSON body as sent (no secrets in it), for the audit log. */
  request: TSendMessageRequest;
};

export type TWhatsAppLogger = Pick<typeof log, "info" | "warn">;

export type TWhatsAppClientOptions = { fetch?: typeof fetch; logger?: TWhatsAppLogger };

const PHONE_FIELDS = [
  "display_phone_number",
  "verified_name",
  "name_status",
  "quality_rating",
  "code_verification_status",
  "status",
  "platform_type",
  "throughput",
  "whatsapp_business_manager_messaging_limit",
].join(",");

const TEMPLATE_FIELDS = "name,language,status,category,components,parameter_format,quality_score,rejected_reason";
// A WABA has at most a few hundred templates; the cap only guards against a paging loop.
const MAX_TEMPLATE_PAGES = 50;

/** The body as JSON, null when it is not JSON (an HTML error page from a proxy): then the HTTP status decides. */
function jsonOf(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export function createWhatsAppClient(config: TWhatsAppConfig, options: TWhatsAppClientOptions = {}) {
  const fetchImpl = options.fetch ?? fetch;
  const logger = options.logger ?? log;

  /** A request that got no answer: timed out, or the network failed. */
  const unreachable = (error: unknown) =>
    error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError") ? timeoutError(config.timeoutMs) : networkError(error);

  async function call<T>(method: "GET" | "POST", path: string, init: { body?: unknown; token?: string } = {}): Promise<T> {
    const logPath = path.split("?")[0];
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(`${config.baseUrl}/${config.version}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${init.token ?? config.accessToken}`,
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const failure = unreachable(error);
      logger.warn("whatsapp call failed", { method, path: logPath, ms: elapsed(), code: failure.code });
      throw failure;
    }
    const json = jsonOf(text);
    if (!response.ok || json === null || typeof json !== "object") {
      // A 2xx that is not JSON is as useless as a bad gateway.
      const failure = whatsAppErrorFromEnvelope(json, response.ok ? 502 : response.status);
      logger.warn("whatsapp call failed", {
        method,
        path: logPath,
        status: response.status,
        ms: elapsed(),
        code: failure.code,
        subcode: failure.subcode,
        fbtraceId: failure.fbtraceId,
      });
      throw failure;
    }
    logger.info("whatsapp call", { method, path: logPath, status: response.status, ms: elapsed() });
    return json as T;
  }

  async function send(request: TSendMessageRequest): Promise<TSendResult> {
    try {
      const response = await call<TSendMessageResponse>("POST", `/${config.phoneNumberId}/messages`, { body: request });
      const message = response.messages?.[0];
      if (!message?.id) throw whatsAppErrorFromEnvelope(null, 502);
      return { wamid: message.id, waId: response.contacts?.[0]?.wa_id, messageStatus: message.message_status, request };
    } catch (error) {
      // The caller records the attempt in the audit log, failed or not.
      if (error instanceof WhatsAppError) error.request = request;
      throw error;
    }
  }

  return {
    mode: config.mode,

    /** Free text; Meta only accepts it within 24 hours of the customer's last message (else 131047). */
    // async: a payload the builder refuses becomes a rejection, like every other failure.
    sendText: async (message: TTextMessage) => send(buildTextPayload(message)),

    /** An approved template, the only kind allowed outside the customer service window. */
    sendTemplate: async (message: TTemplateMessage) => send(buildTemplatePayload(message)),

    markRead: async (wamid: string) =>
      call<{ success: boolean }>("POST", `/${config.phoneNumberId}/messages`, { body: buildMarkReadPayload(wamid) }),

    /** A customer's media file: its download URL (short-lived), MIME type, sha256 and size. */
    getMedia: (mediaId: string) => call<TMediaInfo>("GET", `/${encodeURIComponent(mediaId)}`),

    /**
     * Opens a URL from getMedia with the access token, as Meta requires; the caller reads the body
     * (with its own cap). The token and Meta's URL stay on the server.
     */
    async openMedia(url: string): Promise<Response> {
      const started = performance.now();
      let response: Response;
      try {
        response = await fetchImpl(url, { headers: { authorization: `Bearer ${config.accessToken}` }, signal: AbortSignal.timeout(config.timeoutMs) });
      } catch (error) {
        const failure = unreachable(error);
        logger.warn("whatsapp media download failed", { ms: Math.round(performance.now() - started), code: failure.code });
        throw failure;
      }
      if (response.ok) return response;
      const failure = whatsAppErrorFromEnvelope(jsonOf(await response.text().catch(() => "")), response.status);
      logger.warn("whatsapp media download failed", { status: response.status, ms: Math.round(performance.now() - started), code: failure.code });
      throw failure;
    },

    getPhoneNumber: () => call<TPhoneNumber>("GET", `/${config.phoneNumberId}?fields=${PHONE_FIELDS}`),

    /** Every template of the WABA, following `paging.cursors.after` until there is no next page. */
    async listTemplates(options: { onPage?: (page: number) => void } = {}): Promise<TMessageTemplate[]> {
      const templates: TMessageTemplate[] = [];
      let after: string | undefined;
      for (let page = 0; page < MAX_TEMPLATE_PAGES; page++) {
        const query = new URLSearchParams({ fields: TEMPLATE_FIELDS, limit: "100", ...(after ? { after } : {}) });
        const result = await call<TPaged<TMessageTemplate>>("GET", `/${config.wabaId}/message_templates?${query}`);
        templates.push(...(result.data ?? []));
        options.onPage?.(page + 1);
        // Meta keeps `cursors` on the last page too; only `next` says there is more.
        const next = result.paging?.next ? result.paging.cursors?.after : undefined;
        if (!next || next === after) break;
        after = next;
      }
      return templates;
    },

    /**
     * Validity, type, expiry and scopes of the access token. Asked with the app token
     * (app id|app secret), so it needs WHATSAPP_APP_ID: undefined without one.
     */
    async debugToken(): Promise<TDebugTokenData | undefined> {
      if (!config.appId) return undefined;
      const query = new URLSearchParams({ input_token: config.accessToken });
      const result = await call<TDebugToken>("GET", `/debug_token?${query}`, { token: `${config.appId}|${config.appSecret}` });
      return result.data;
    },

    /** The WABA's phone numbers: tells whether the configured phone number id belongs to it. */
    listPhoneNumbers: () => call<TPaged<TPhoneNumber>>("GET", `/${config.wabaId}/phone_numbers?fields=${PHONE_FIELDS}`),

    /** Apps subscribed to the WABA's webhooks: empty means no webhooks will arrive. */
    listSubscribedApps: () => call<TSubscribedApps>("GET", `/${config.wabaId}/subscribed_apps`),
  };
}

export type TWhatsAppClient = ReturnType<typeof createWhatsAppClient>;
