// An emulator of the Graph API's WhatsApp endpoints, framework-agnostic (Fetch Request in,
// Response out). Same paths, payload checks, wamids and error envelope as Meta; after a send it
// posts signed status webhooks (sent → delivered → read) to the app over real HTTP. Failures are
// chosen by recipient number (./failures.ts). State is in memory, per process.
import { randomBytes } from "node:crypto";
import { signBody } from "@/lib/whatsapp/webhook";
import { SERVICE_WINDOW_MS } from "@/lib/whatsapp/window";
import { graphError, immediateFailure, laterFailureCode } from "@/lib/whatsapp/sandbox/failures";
import { SANDBOX_TEMPLATES, templateParameterCount } from "@/lib/whatsapp/sandbox/templates";

export type TSandboxOptions = {
  appSecret: string;
  accessToken: string;
  phoneNumberId: string;
  wabaId: string;
  version?: string;
  webhookUrl: string | (() => string);
  webhookDelayMs?: number;
  /** Test hooks: deliver each status twice, or send them newest first. */
  duplicateStatuses?: boolean;
  reverseStatuses?: boolean;
  fetch?: typeof fetch;
};

export type TSandboxSent = { wamid: string; to: string; type: string; body: Record<string, unknown>; at: Date };

const DISPLAY_NUMBER = "15550000000";

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

export function createGraphSandbox(options: TSandboxOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const delay = options.webhookDelayMs ?? 300;
  const sent: TSandboxSent[] = [];
  const lastInbound = new Map<string, number>();
  const inFlight = new Set<Promise<unknown>>();

  const webhookUrl = () => (typeof options.webhookUrl === "function" ? options.webhookUrl() : options.webhookUrl);

  function envelope(value: Record<string, unknown>) {
    return {
      object: "whatsapp_business_account",
      entry: [
        {
          id: options.wabaId,
          changes: [
            {
              field: "messages",
              value: { messaging_product: "whatsapp", metadata: { display_phone_number: DISPLAY_NUMBER, phone_number_id: options.phoneNumberId }, ...value },
            },
          ],
        },
      ],
    };
  }

  /** Posts one signed webhook, retrying a few times like Meta (which retries for days). */
  async function postWebhook(payload: unknown): Promise<number> {
    const body = JSON.stringify(payload);
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        const response = await fetchImpl(webhookUrl(), {
          method: "POST",
          headers: { "content-type": "application/json", "x-hub-signature-256": signBody(body, options.appSecret) },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        if (response.ok) return response.status;
      } catch {
        // the app is not up or did not answer: try again
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * 4 ** attempt).unref());
    }
    return 0;
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
    return promise;
  }

  function scheduleStatuses(message: TSandboxSent, callbackData: string | undefined, pricingCategory: string) {
    const failCode = laterFailureCode(message.to);
    const steps: string[] = failCode ? ["sent", "failed"] : ["sent", "delivered", "read"];
    const ordered = options.reverseStatuses ? [...steps].reverse() : steps;
    const sequence = options.duplicateStatuses ? ordered.flatMap((step) => [step, step]) : ordered;
    const start = Math.floor(Date.now() / 1000);
    const run = async () => {
      for (const [index, status] of sequence.entries()) {
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
        await postWebhook(
          envelope({
            statuses: [
              {
                id: message.wamid,
                status,
                timestamp: String(start + index + 1),
                recipient_id: message.to,
                ...(callbackData ? { biz_opaque_callback_data: callbackData } : {}),
                pricing: { billable: message.type === "template", pricing_model: "PMP", category: message.type === "template" ? pricingCategory : "service", type: message.type === "template" ? "regular" : "free_customer_service" },
                ...(status === "failed"
                  ? { errors: [{ code: failCode, title: "Message undeliverable", message: "Message undeliverable", error_data: { details: `Sandbox failure ${failCode} for ${message.to}` } }] }
                  : {}),
              },
            ],
          }),
        );
      }
    };
    void track(run());
  }

  function sendMessage(body: Record<string, unknown>): Response {
    if (body.messaging_product !== "whatsapp") return json(graphError(100, "(#100) The parameter messaging_product is required."), 400);
    if (body.status === "read") {
      return typeof body.message_id === "string" ? json({ success: true }) : json(graphError(100, "(#100) The parameter message_id is required."), 400);
    }
    const to = typeof body.to === "string" ? body.to : "";
    if (!/^\d{8,15}$/.test(to)) return json(graphError(131009, "(#131009) Parameter value is not valid", { details: "Invalid 'to' number" }), 400);
    const failure = immediateFailure(to);
    if (failure) return json(graphError(failure.code, failure.message, { subcode: failure.subcode }), failure.httpStatus);

    let pricingCategory = "utility";
    if (body.type === "text") {
      const text = (body.text as { body?: unknown } | undefined)?.body;
      if (typeof text !== "string" || !text) return json(graphError(100, "(#100) The parameter text['body'] is required."), 400);
      if (text.length > 4096) return json(graphError(100, "(#100) Param text['body'] must be at most 4096 characters long."), 400);
      const inbound = lastInbound.get(to);
      if (!inbound || Date.now() - inbound > SERVICE_WINDOW_MS) {
        return json(graphError(131047, "(#131047) Re-engagement message", { details: "More than 24 hours have passed since the recipient last replied to the sender number." }), 400);
      }
    } else if (body.type === "template") {
      const template = body.template as { name?: unknown; language?: { code?: unknown }; components?: { type?: string; parameters?: unknown[] }[] } | undefined;
      const known = SANDBOX_TEMPLATES.find((t) => t.name === template?.name && t.language === template?.language?.code);
      if (!known || known.status === "REJECTED" || known.status === "PENDING") {
        return json(graphError(132001, "(#132001) Template name does not exist in the translation", { details: `template name (${String(template?.name)}) does not exist in ${String(template?.language?.code)}` }), 404);
      }
      if (known.status === "PAUSED") return json(graphError(132015, "(#132015) Template is paused"), 400);
      if (known.status === "DISABLED") return json(graphError(132016, "(#132016) Template is disabled"), 400);
      const given = template?.components?.find((component) => component.type === "body")?.parameters?.length ?? 0;
      const expected = templateParameterCount(known);
      if (given !== expected) {
        return json(graphError(132000, "(#132000) Number of parameters does not match the expected number of params", { details: `body: number of localizable_params (${given}) does not match the expected number of params (${expected})` }), 400);
      }
      pricingCategory = (known.category ?? "UTILITY").toLowerCase();
    } else {
      return json(graphError(131051, "(#131051) Unsupported message type"), 400);
    }

    const message: TSandboxSent = { wamid: `wamid.${randomBytes(18).toString("base64url")}`, to, type: String(body.type), body, at: new Date() };
    sent.push(message);
    scheduleStatuses(message, typeof body.biz_opaque_callback_data === "string" ? body.biz_opaque_callback_data : undefined, pricingCategory);
    return json({ messaging_product: "whatsapp", contacts: [{ input: to, wa_id: to }], messages: [{ id: message.wamid, message_status: "accepted" }] });
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const [version, node, edge, ...rest] = url.pathname.split("/").filter(Boolean);
    if (!version || !/^v\d+\.\d+$/.test(version) || !node || rest.length) return json(graphError(100, "Unknown path components"), 400);

    const auth = request.headers.get("authorization") ?? "";
    const appToken = auth.includes("|");
    if (!appToken && auth !== `Bearer ${options.accessToken}`) {
      return json(graphError(190, "Invalid OAuth access token - Cannot parse access token", { subcode: 467 }), 401);
    }

    if (request.method === "POST" && node === options.phoneNumberId && edge === "messages") {
      let body: Record<string, unknown>;
      try {
        body = (await request.json()) as Record<string, unknown>;
      } catch {
        return json(graphError(100, "(#100) The request body is not valid JSON"), 400);
      }
      return sendMessage(body);
    }
    if (request.method === "POST" && edge === "messages") {
      return json(graphError(100, `Unsupported post request. Object with ID '${node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { subcode: 33 }), 400);
    }
    if (request.method !== "GET") return json(graphError(100, "Unsupported request method"), 400);

    if (node === "debug_token") {
      return json({ data: { is_valid: true, app_id: "sandbox-app", type: "SYSTEM_USER", expires_at: 0, data_access_expires_at: 0, scopes: ["whatsapp_business_messaging", "whatsapp_business_management"], granular_scopes: [{ scope: "whatsapp_business_messaging", target_ids: [options.wabaId] }, { scope: "whatsapp_business_management", target_ids: [options.wabaId] }] } });
    }
    if (node === options.phoneNumberId && !edge) {
      return json({ id: options.phoneNumberId, display_phone_number: "+1 555-000-0000", verified_name: "Sandbox Test Number", name_status: "AVAILABLE_WITHOUT_REVIEW", quality_rating: "GREEN", code_verification_status: "VERIFIED", status: "CONNECTED", platform_type: "CLOUD_API", throughput: { level: "STANDARD" }, whatsapp_business_manager_messaging_limit: "TIER_250" });
    }
    if (node === options.wabaId && edge === "message_templates") {
      return json({ data: SANDBOX_TEMPLATES, paging: { cursors: { before: "MAZDZD", after: "MjQZD" } } });
    }
    if (node === options.wabaId && edge === "phone_numbers") {
      return json({ data: [{ id: options.phoneNumberId, display_phone_number: "+1 555-000-0000", verified_name: "Sandbox Test Number", quality_rating: "GREEN" }] });
    }
    if (node === options.wabaId && edge === "subscribed_apps") {
      return json({ data: [{ whatsapp_business_api_data: { id: "sandbox-app", name: "SSG Admin (sandbox)" } }] });
    }
    return json(graphError(100, `Unsupported get request. Object with ID '${node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { subcode: 33 }), 400);
  }

  /** The customer writes to the business: opens their 24-hour window and posts the webhook. */
  async function simulateInbound(input: { from: string; text: string; profileName?: string; userId?: string }): Promise<{ wamid: string; status: number }> {
    lastInbound.set(input.from, Date.now());
    const wamid = `wamid.${randomBytes(18).toString("base64url")}`;
    const userId = input.userId ?? `ZA.${input.from.slice(-10)}`;
    const status = await track(
      postWebhook(
        envelope({
          contacts: [{ profile: { name: input.profileName ?? "Sandbox customer" }, wa_id: input.from, user_id: userId }],
          messages: [{ from: input.from, from_user_id: userId, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: input.text } }],
        }),
      ),
    );
    return { wamid, status };
  }

  return {
    handle,
    simulateInbound,
    sent: sent as readonly TSandboxSent[],
    /** Resolves when every webhook the sandbox has scheduled so far was posted. */
    async settle(): Promise<void> {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    reset() {
      sent.length = 0;
      lastInbound.clear();
    },
  };
}

export type TGraphSandbox = ReturnType<typeof createGraphSandbox>;
