// A typed client for the WhatsApp Cloud API. One fetch wrapper does the timeout, the token, the
// log line (token redacted) and the mapping of Meta's error envelope to WhatsAppError.
import type { TWhatsAppConfig } from "@/lib/env";
import { log } from "@/lib/log";
import { networkError, timeoutError, whatsAppErrorFromEnvelope, WhatsAppError } from "@/lib/whatsapp/errors";
import { buildTemplatePayload, buildTextPayload, type TTemplateMessage, type TTextMessage } from "@/lib/whatsapp/payloads";
import type { TDebugToken, TMessageTemplate, TPaged, TPhoneNumber, TSendMessageRequest, TSendMessageResponse } from "@/lib/whatsapp/types";

export type TSendResult = { wamid: string; waId?: string; messageStatus?: string; request: TSendMessageRequest };

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

export function createWhatsAppClient(config: TWhatsAppConfig, options: { fetch?: typeof fetch } = {}) {
  const fetchImpl = options.fetch ?? fetch;

  async function call<T>(method: "GET" | "POST", path: string, body?: unknown, auth = `Bearer ${config.accessToken}`): Promise<T> {
    const url = `${config.baseUrl}/${config.version}${path}`;
    const started = performance.now();
    const logPath = path.split("?")[0];
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers: { authorization: auth, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      const failure = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError") ? timeoutError(config.timeoutMs) : networkError(error);
      log.warn("whatsapp call failed", { method, path: logPath, ms: Math.round(performance.now() - started), code: failure.code });
      throw failure;
    }
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: handled below as an error without an envelope
    }
    const ms = Math.round(performance.now() - started);
    if (!response.ok || json === null) {
      const failure = whatsAppErrorFromEnvelope(json, response.ok ? 502 : response.status);
      log.warn("whatsapp call failed", { method, path: logPath, status: response.status, ms, code: failure.code, fbtraceId: failure.fbtraceId });
      throw failure;
    }
    log.info("whatsapp call", { method, path: logPath, status: response.status, ms });
    return json as T;
  }

  async function send(request: TSendMessageRequest): Promise<TSendResult> {
    try {
      const response = await call<TSendMessageResponse>("POST", `/${config.phoneNumberId}/messages`, request);
      const message = response.messages?.[0];
      if (!message?.id) throw whatsAppErrorFromEnvelope(null, 502);
      return { wamid: message.id, waId: response.contacts?.[0]?.wa_id, messageStatus: message.message_status, request };
    } catch (error) {
      if (error instanceof WhatsAppError) error.request = request;
      throw error;
    }
  }

  return {
    mode: config.mode,
    sendText: (message: TTextMessage) => send(buildTextPayload(message)),
    sendTemplate: (message: TTemplateMessage) => send(buildTemplatePayload(message)),
    markRead: (wamid: string) =>
      call<{ success: boolean }>("POST", `/${config.phoneNumberId}/messages`, { messaging_product: "whatsapp", status: "read", message_id: wamid }),
    getPhoneNumber: () => call<TPhoneNumber>("GET", `/${config.phoneNumberId}?fields=${PHONE_FIELDS}`),
    async listTemplates(): Promise<TMessageTemplate[]> {
      const templates: TMessageTemplate[] = [];
      let after: string | undefined;
      for (let page = 0; page < 20; page++) {
        const query = new URLSearchParams({ fields: "name,language,status,category,components,parameter_format", limit: "100", ...(after ? { after } : {}) });
        const result = await call<TPaged<TMessageTemplate>>("GET", `/${config.wabaId}/message_templates?${query}`);
        templates.push(...result.data);
        after = result.paging?.next ? result.paging.cursors?.after : undefined;
        if (!after) break;
      }
      return templates;
    },
    /** Token validity, type, expiry and scopes; undefined without an app id to ask with. */
    async debugToken(): Promise<TDebugToken["data"] | undefined> {
      if (!config.appId) return undefined;
      const query = new URLSearchParams({ input_token: config.accessToken });
      const result = await call<TDebugToken>("GET", `/debug_token?${query}`, undefined, `Bearer ${config.appId}|${config.appSecret}`);
      return result.data;
    },
    listSubscribedApps: () => call<{ data: { whatsapp_business_api_data?: { id?: string; name?: string } }[] }>("GET", `/${config.wabaId}/subscribed_apps`),
  };
}

export type TWhatsAppClient = ReturnType<typeof createWhatsAppClient>;
