// The sandbox's management endpoints, the ones the doctor and the template sync call: the phone
// number's fields, the WABA's templates (paged like Meta), its phone numbers, its subscribed apps
// (POST subscribes, DELETE unsubscribes), and debug_token. What they report is the sandbox's
// set-up (TSandboxSetup), which tests change to play an expired or user token, missing scopes, a
// declined display name, an unsubscribed app or Meta's test number.
import { graphErrorResponse } from "@/lib/whatsapp/sandbox/failures";
import { SANDBOX_TEMPLATES } from "@/lib/whatsapp/sandbox/templates";
import type { TDebugToken, TMessageTemplate, TPhoneNumber } from "@/lib/whatsapp/types";

export const SANDBOX_APP = { id: "sandbox-app", name: "SSG Admin (sandbox)" };
export const SANDBOX_SCOPES = ["whatsapp_business_messaging", "whatsapp_business_management"];

/** What the sandbox's management endpoints report; the defaults are a healthy business number. */
export type TSandboxSetup = {
  tokenType: "SYSTEM_USER" | "USER";
  /** Unix seconds; 0 never expires. A time in the past makes every call with the token 190/463. */
  tokenExpiresAt: number;
  scopes: string[];
  /** WABAs the granular scopes cover (default: the sandbox's own). */
  scopeTargets?: string[];
  /** The app is subscribed to the WABA's webhooks. */
  subscribed: boolean;
  /** Meta's test number (+1 555…): it reaches only the allowed recipients (131030 for others). */
  testNumber: boolean;
  nameStatus: string;
  qualityRating: string;
  status: string;
  messagingLimit: string;
  throughputLevel: string;
};

export function defaultSandboxSetup(testNumber: boolean): TSandboxSetup {
  return {
    tokenType: "SYSTEM_USER",
    tokenExpiresAt: 0,
    scopes: [...SANDBOX_SCOPES],
    subscribed: true,
    testNumber,
    nameStatus: "AVAILABLE_WITHOUT_REVIEW",
    qualityRating: "GREEN",
    status: "CONNECTED",
    messagingLimit: "TIER_250",
    throughputLevel: testNumber ? "NOT_APPLICABLE" : "STANDARD",
  };
}

export const tokenExpired = (setup: TSandboxSetup, now = Date.now()) => setup.tokenExpiresAt > 0 && setup.tokenExpiresAt * 1000 <= now;

export type TManagementContext = {
  node: string;
  edge?: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  setup: TSandboxSetup;
  templatePageSize?: number;
  /** This sandbox's templates as they are now (default: the initial set). */
  templates?: readonly TMessageTemplate[];
};

function phoneNumber(id: string, setup: TSandboxSetup): TPhoneNumber {
  return {
    id,
    display_phone_number: setup.testNumber ? "+1 555-000-0000" : "+27 10 500 0100",
    verified_name: setup.testNumber ? "Test Number" : "Snow Spoiled Gifts",
    name_status: setup.nameStatus,
    quality_rating: setup.qualityRating,
    code_verification_status: setup.testNumber ? "NOT_VERIFIED" : "VERIFIED",
    status: setup.status,
    platform_type: "CLOUD_API",
    throughput: { level: setup.throughputLevel },
    whatsapp_business_manager_messaging_limit: setup.messagingLimit,
  };
}

/** Like Meta: only the fields asked for (plus id), or a default few without `fields`. */
function pick(object: Record<string, unknown>, fields: string | null, defaults: string[]): Record<string, unknown> {
  const wanted = fields ? fields.split(",").map((field) => field.trim()) : defaults;
  return Object.fromEntries(Object.entries(object).filter(([key]) => key === "id" || wanted.includes(key)));
}

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");
const decodeCursor = (cursor: string | null) => {
  const match = cursor ? /^offset:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString()) : null;
  return match ? Number(match[1]) : 0;
};

function templatesPage(url: URL, maxPageSize: number, templates: readonly TMessageTemplate[]): Response {
  const status = url.searchParams.get("status");
  const name = url.searchParams.get("name");
  const all = templates.filter((template) => (!status || template.status === status) && (!name || template.name.includes(name)));
  const limit = Math.min(Math.max(Number(url.searchParams.get("limit")) || 25, 1), maxPageSize);
  const offset = decodeCursor(url.searchParams.get("after"));
  const data = all.slice(offset, offset + limit);
  const end = offset + data.length;
  const next = new URL(url);
  next.searchParams.set("after", encodeCursor(end));
  return Response.json({
    data,
    paging: {
      cursors: { before: encodeCursor(offset), after: encodeCursor(end) },
      // Meta leaves `next` out on the last page; the cursors stay.
      ...(end < all.length ? { next: `https://graph.facebook.com${next.pathname}${next.search}` } : {}),
    },
  });
}

function debugToken(url: URL, context: TManagementContext): Response {
  const input = url.searchParams.get("input_token");
  if (!input) return graphErrorResponse(100, "(#100) The parameter input_token is required", 400);
  const { setup } = context;
  if (input !== context.accessToken) return Response.json({ data: { is_valid: false, scopes: [], error: { code: 190, message: "Invalid OAuth access token." } } } satisfies TDebugToken);
  const expired = tokenExpired(setup);
  const body: TDebugToken = {
    data: {
      app_id: SANDBOX_APP.id,
      application: SANDBOX_APP.name,
      type: setup.tokenType,
      // Meta answers an expired token's debug_token with is_valid false and the error beside it.
      is_valid: !expired,
      expires_at: setup.tokenExpiresAt,
      data_access_expires_at: 0,
      scopes: setup.scopes,
      granular_scopes: setup.scopes.map((scope) => ({ scope, target_ids: setup.scopeTargets ?? [context.wabaId] })),
      ...(expired
        ? { error: { code: 190, subcode: 463, message: `Error validating access token: Session has expired on ${new Date(setup.tokenExpiresAt * 1000).toUTCString()}.` } }
        : {}),
    },
  };
  return Response.json(body);
}

export function handleManagement(request: Request, url: URL, context: TManagementContext): Response {
  const { node, edge } = context;
  const notFound = () =>
    graphErrorResponse(
      100,
      `Unsupported ${request.method.toLowerCase()} request. Object with ID '${node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      400,
      { subcode: 33 },
    );

  if (node === context.wabaId && edge === "subscribed_apps" && (request.method === "POST" || request.method === "DELETE")) {
    context.setup.subscribed = request.method === "POST";
    return Response.json({ success: true });
  }
  if (request.method !== "GET") return notFound();

  if (node === "debug_token" && !edge) return debugToken(url, context);
  if (node === context.phoneNumberId && !edge) {
    return Response.json(pick(phoneNumber(context.phoneNumberId, context.setup), url.searchParams.get("fields"), ["display_phone_number", "verified_name", "quality_rating"]));
  }
  if (node === context.wabaId && edge === "message_templates") return templatesPage(url, context.templatePageSize ?? 100, context.templates ?? SANDBOX_TEMPLATES);
  if (node === context.wabaId && edge === "phone_numbers") {
    return Response.json({ data: [pick(phoneNumber(context.phoneNumberId, context.setup), null, ["display_phone_number", "verified_name", "quality_rating"])] });
  }
  if (node === context.wabaId && edge === "subscribed_apps") {
    const app = { whatsapp_business_api_data: { id: SANDBOX_APP.id, name: SANDBOX_APP.name, link: "https://www.facebook.com/games/?app_id=sandbox-app" } };
    return Response.json({ data: context.setup.subscribed ? [app] : [] });
  }
  return notFound();
}
