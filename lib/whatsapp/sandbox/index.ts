// An emulator of the Graph API's WhatsApp endpoints, framework-agnostic: a Fetch Request in, a
// Response out, mounted wherever the caller likes (the caller strips its own prefix, so paths
// look like Meta's: /v26.0/{phone-number-id}/messages). Same payload checks, wamids and error
// envelope as Meta (./check-send.ts); after a send it posts signed status webhooks to the app
// over real HTTP, `sent` → `delivered` → `read`. Failures are chosen by recipient number
// (./failures.ts), templates are listed in ./templates.ts. State is in memory, per process.
import { messagesEnvelope, newWamid, postSignedWebhook, sleep, statusValue, type TStatusInput, type TWebhookDelivery } from "@/lib/whatsapp/sandbox/webhooks";
import { checkSend, type TSendPricing } from "@/lib/whatsapp/sandbox/check-send";
import { createCustomerSide } from "@/lib/whatsapp/sandbox/inbound";
import { answeredContact } from "@/lib/whatsapp/sandbox/recipient";
import { graphErrorResponse, laterFailureCode } from "@/lib/whatsapp/sandbox/failures";
import { defaultSandboxSetup, handleManagement, tokenExpired, type TSandboxSetup } from "@/lib/whatsapp/sandbox/management";
import { createLimiter, limitResponse, type TSandboxLimits } from "@/lib/whatsapp/sandbox/limits";
import { createTemplateLibrary } from "@/lib/whatsapp/sandbox/templates";
import { createTemplateControls } from "@/lib/whatsapp/sandbox/template-events";
import { createCapabilityControls } from "@/lib/whatsapp/sandbox/capability-events";
import { describeWhatsAppError } from "@/lib/whatsapp/errors";
import { SERVICE_WINDOW_MS } from "@/lib/whatsapp/window";

export type TSandboxBehaviour = TSandboxLimits & {
  /** Pause before each status webhook (default 300 ms). */
  webhookDelayMs?: number;
  /** Post every status webhook twice, as Meta's at-least-once delivery does. */
  duplicateStatuses?: boolean;
  /** Post the statuses newest first (read, delivered, sent), as out-of-order delivery does. */
  reverseStatuses?: boolean;
  /**
   * Free text outside the 24-hour window: "webhook" accepts it and then fails it by a status webhook
   * with 131047, as Meta does; "response" (the default) refuses it at once with 131047.
   */
  windowFailure?: "response" | "webhook";
  /** Test-number mode: only these numbers can receive messages; others get 131030. */
  allowedRecipients?: readonly string[];
};

export type TSandboxOptions = TSandboxBehaviour & {
  appSecret: string;
  accessToken: string;
  phoneNumberId: string;
  wabaId: string;
  /** Asked for with the app token `appId|appSecret` on debug_token; any app id when absent. */
  appId?: string;
  /** The Graph version the app is configured with; requests under any vNN.N are served. */
  version?: string;
  webhookUrl: string | (() => string);
  /** Where handle() is reachable from outside (the media URLs it hands out); else each request's origin. */
  publicUrl?: string;
  /** Waits between webhook retries (default 250 ms, 1 s, 4 s). */
  webhookRetryDelaysMs?: readonly number[];
  /** Page size of message_templates when the request asks for more (Meta's default is 25). */
  templatePageSize?: number;
  /** What debug_token, the phone number and subscribed_apps report (default: a healthy set-up; a test number with `allowedRecipients`). */
  setup?: Partial<TSandboxSetup>;
  fetch?: typeof fetch;
};

/** One message the sandbox accepted. */
export type TSandboxSent = {
  wamid: string;
  to: string;
  type: "text" | "template";
  body: Record<string, unknown>;
  callbackData?: string;
  at: Date;
};

export function createGraphSandbox(options: TSandboxOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const behaviour: TSandboxBehaviour = {
    webhookDelayMs: options.webhookDelayMs,
    duplicateStatuses: options.duplicateStatuses,
    reverseStatuses: options.reverseStatuses,
    allowedRecipients: options.allowedRecipients,
    windowFailure: options.windowFailure,
    throughputPerSecond: options.throughputPerSecond,
    pairLimit: options.pairLimit,
    faults: options.faults,
  };
  const limiter = createLimiter();
  const templates = createTemplateLibrary();
  // The token and the set-up can change while the sandbox runs (a token expires, a new one is made).
  const initialSetup = () => ({ ...defaultSandboxSetup(options.allowedRecipients !== undefined), ...options.setup });
  let accessToken = options.accessToken;
  let setup: TSandboxSetup = initialSetup();
  const sent: TSandboxSent[] = [];
  const deliveries: TWebhookDelivery[] = [];
  const lastInbound = new Map<string, number>();
  const inFlight = new Set<Promise<unknown>>();
  // Bumped by reset(), so webhooks scheduled before it are dropped instead of leaking into the
  // next test.
  let generation = 0;

  const poster = {
    url: () => (typeof options.webhookUrl === "function" ? options.webhookUrl() : options.webhookUrl),
    appSecret: options.appSecret,
    fetch: fetchImpl,
    retryDelaysMs: options.webhookRetryDelaysMs,
  };
  const ids = { wabaId: options.wabaId, phoneNumberId: options.phoneNumberId };
  // The customer's side: any inbound type, STOP/START, and the media they send (./inbound.ts).
  const customer = createCustomerSide({
    ids,
    post: (payload) => track(post(payload)),
    openWindow: (from, userId, at) => {
      lastInbound.set(from, at.getTime());
      lastInbound.set(userId, at.getTime());
    },
    publicUrl: options.publicUrl,
  });

  function track<T>(promise: Promise<T>): Promise<T> {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }

  async function post(payload: unknown): Promise<TWebhookDelivery> {
    const delivery = await postSignedWebhook(payload, poster);
    deliveries.push(delivery);
    return delivery;
  }

  const windowOpen = (to: string) => {
    const at = lastInbound.get(to);
    return at !== undefined && Date.now() - at < SERVICE_WINDOW_MS;
  };

  /** `windowFailure`: free text outside the window, which Meta fails at once by webhook (no `sent`). */
  function scheduleStatuses(message: TSandboxSent, pricing: TSendPricing, windowFailure?: number) {
    const failureCode = windowFailure ?? laterFailureCode(message.to);
    const steps: TStatusInput["status"][] = windowFailure ? ["failed"] : failureCode === undefined ? ["sent", "delivered", "read"] : ["sent", "failed"];
    // Event times are fixed now, a second apart, whatever order they are posted in.
    const start = Date.now();
    const events = steps.map((status, index): TStatusInput => ({
      wamid: message.wamid,
      to: message.to,
      status,
      at: new Date(start + index * 1000),
      callbackData: message.callbackData,
      pricing,
      failureCode,
      failureTitle: failureCode === undefined ? undefined : describeWhatsAppError(failureCode).title,
    }));
    const ordered = behaviour.reverseStatuses ? [...events].reverse() : events;
    const sequence = behaviour.duplicateStatuses ? ordered.flatMap((event) => [event, event]) : ordered;
    const scheduledIn = generation;
    const run = async () => {
      for (const event of sequence) {
        await sleep(behaviour.webhookDelayMs ?? 300);
        if (scheduledIn !== generation) return;
        await post(messagesEnvelope(ids, statusValue(event)));
      }
    };
    void track(run().catch(() => undefined));
  }

  async function sendMessage(request: Request): Promise<Response> {
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = await request.json();
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      body = parsed as Record<string, unknown>;
    } catch {
      return graphErrorResponse(100, "(#100) The request body must be a JSON object.", 400);
    }
    if (body.status === "read") {
      return typeof body.message_id === "string" && body.message_id.startsWith("wamid.")
        ? Response.json({ success: true })
        : graphErrorResponse(100, "(#100) Invalid parameter message_id.", 400);
    }
    const checked = checkSend(body, { windowOpen, windowFailsByWebhook: behaviour.windowFailure === "webhook", allowedRecipients: behaviour.allowedRecipients ? new Set(behaviour.allowedRecipients) : undefined, findTemplate: templates.find });
    if (!checked.ok) return checked.response;
    const verdict = limiter.check(checked.to, behaviour);
    if (!verdict.ok && verdict.kind !== "timeout") return limitResponse(verdict.failure);
    const message: TSandboxSent = { wamid: newWamid(), to: checked.to, type: checked.type, body, callbackData: checked.callbackData, at: new Date() };
    if (!verdict.ok) {
      // No answer in time; when `accept` it was taken all the same (statuses follow by webhook).
      if (verdict.accept) {
        sent.push(message);
        scheduleStatuses(message, checked.pricing, checked.laterFailure);
      }
      await sleep(verdict.hangMs);
      return graphErrorResponse(131000, "(#131000) Something went wrong", 500);
    }
    sent.push(message);
    scheduleStatuses(message, checked.pricing, checked.laterFailure);
    return Response.json({
      messaging_product: "whatsapp",
      contacts: [answeredContact({ address: checked.to, byUserId: !!checked.byUserId })],
      messages: [{ id: message.wamid, message_status: "accepted" }],
    });
  }

  const tokenOf = (request: Request, url: URL) => {
    const header = request.headers.get("authorization") ?? "";
    return header.toLowerCase().startsWith("bearer ") ? header.slice(7).trim() : (url.searchParams.get("access_token") ?? "");
  };
  const isAppToken = (token: string) => {
    const [appId, secret, ...rest] = token.split("|");
    return rest.length === 0 && secret === options.appSecret && !!appId && (options.appId === undefined || appId === options.appId);
  };

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const [version, node, edge, ...rest] = url.pathname.split("/").filter(Boolean);
    if (!version || !/^v\d+\.\d+$/.test(version) || !node || rest.length) {
      return graphErrorResponse(100, "Unknown path components", 400, { details: `No Graph API endpoint at ${url.pathname}` });
    }
    const token = tokenOf(request, url);
    // The app token (app id|app secret) only opens debug_token, as on Meta.
    const appToken = node === "debug_token" && isAppToken(token);
    if (!appToken && token !== accessToken) {
      return token
        ? graphErrorResponse(190, "Invalid OAuth access token - Cannot parse access token", 401, { subcode: 467 })
        : graphErrorResponse(190, "An active access token must be used to query information about the current user.", 401);
    }
    if (!appToken && tokenExpired(setup)) {
      const on = new Date(setup.tokenExpiresAt * 1000).toUTCString();
      return graphErrorResponse(190, `Error validating access token: Session has expired on ${on}.`, 401, { subcode: 463 });
    }
    if (request.method === "POST" && edge === "messages") {
      if (node !== options.phoneNumberId) {
        return graphErrorResponse(
          100,
          `Unsupported post request. Object with ID '${node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
          400,
          { subcode: 33 },
        );
      }
      return sendMessage(request);
    }
    const media = customer.handleMedia(request, url, { version, node, edge });
    if (media) return media;
    return handleManagement(request, url, { node, edge, ...ids, accessToken, setup, templatePageSize: options.templatePageSize, templates: templates.list() });
  }

  /** The customer writes to the business: opens their 24-hour window and posts the signed webhook. */
  async function simulateInbound(input: { from: string; text: string; profileName?: string; userId?: string; replyTo?: string }) {
    const { text, ...sender } = input;
    const { wamid, userId, status } = await customer.sendFromCustomer({ ...sender, message: { type: "text", body: text } });
    return { wamid, userId, status };
  }

  return {
    handle,
    simulateInbound,
    /** The customer sends any inbound type (optionally replying to one of ours), STOP or START. */
    sendFromCustomer: customer.sendFromCustomer,
    customerStops: customer.customerStops,
    customerStarts: customer.customerStarts,
    /** A file kept as if a customer sent it; its media id. */
    storeMedia: customer.storeFile,
    // Template status and category changes with their webhooks (./template-events.ts).
    ...createTemplateControls({ library: templates, wabaId: options.wabaId, post: (payload) => track(post(payload)) }),
    // Meta raises or lowers the messaging limit, with its webhook (./capability-events.ts).
    ...createCapabilityControls({ wabaId: options.wabaId, setTier: (tier) => (setup = { ...setup, messagingLimit: tier }), post: (payload) => track(post(payload)) }),
    /** Messages accepted so far, oldest first. */
    sent: sent as readonly TSandboxSent[],
    /** Sends refused by the throughput and pair limits, and faults injected. */
    limitCounts: limiter.counts,
    /** Webhooks posted so far (after their retries), oldest first. */
    deliveries: deliveries as readonly TWebhookDelivery[],
    version: options.version,
    /** Opens (or, with `at` over 24 h ago, lets lapse) a number's window without a webhook. */
    setLastInbound(from: string, at: Date | null) {
      if (at) lastInbound.set(from, at.getTime());
      else lastInbound.delete(from);
    },
    /** What the management endpoints report now (token type, expiry, scopes, subscription, number). */
    get setup(): Readonly<TSandboxSetup> {
      return setup;
    },
    /** Changes the set-up, e.g. `{ tokenExpiresAt: past }` for a token Meta now refuses (190/463). */
    configureSetup(change: Partial<TSandboxSetup>) {
      setup = { ...setup, ...change };
    },
    /** A new access token replaces the old one (which is then refused as invalid), with its own expiry. */
    setAccessToken(token: string, change: Partial<TSandboxSetup> = {}) {
      accessToken = token;
      setup = { ...setup, tokenExpiresAt: 0, ...change };
    },
    /** Changes delay, duplication, order or the allowed list for the next sends. */
    configure(change: TSandboxBehaviour) {
      Object.assign(behaviour, change);
    },
    /** Resolves when every webhook scheduled so far was posted (or given up). */
    async settle(): Promise<void> {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    /** Forgets messages, windows and deliveries; webhooks still pending are dropped. */
    reset() {
      generation++;
      sent.length = 0;
      deliveries.length = 0;
      limiter.reset();
      lastInbound.clear();
      customer.resetMedia();
      templates.reset();
      accessToken = options.accessToken;
      setup = initialSetup();
    },
  };
}

export type TGraphSandbox = ReturnType<typeof createGraphSandbox>;
