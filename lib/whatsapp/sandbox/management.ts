// The sandbox's read-only management endpoints, the ones the doctor and the template sync call:
// the phone number's fields, the WABA's templates (paged like Meta), its phone numbers, its
// subscribed apps, and debug_token for a system-user token that never expires.
import { graphErrorResponse } from "@/lib/whatsapp/sandbox/failures";
import { SANDBOX_TEMPLATES } from "@/lib/whatsapp/sandbox/templates";
import { SANDBOX_DISPLAY_NUMBER } from "@/lib/whatsapp/sandbox/webhooks";
import type { TDebugToken, TPhoneNumber } from "@/lib/whatsapp/types";

export type TManagementContext = {
  node: string;
  edge?: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  templatePageSize?: number;
};

const SCOPES = ["whatsapp_business_messaging", "whatsapp_business_management"];

function phoneNumber(id: string): TPhoneNumber {
  return {
    id,
    display_phone_number: "+1 555-000-0000",
    verified_name: "Sandbox Test Number",
    name_status: "AVAILABLE_WITHOUT_REVIEW",
    quality_rating: "GREEN",
    code_verification_status: "VERIFIED",
    status: "CONNECTED",
    platform_type: "CLOUD_API",
    throughput: { level: "STANDARD" },
    whatsapp_business_manager_messaging_limit: "TIER_250",
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

function templatesPage(url: URL, maxPageSize: number): Response {
  const status = url.searchParams.get("status");
  const name = url.searchParams.get("name");
  const all = SANDBOX_TEMPLATES.filter((template) => (!status || template.status === status) && (!name || template.name.includes(name)));
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
  const body: TDebugToken =
    input === context.accessToken
      ? {
          data: {
            app_id: "sandbox-app",
            application: "SSG Admin (sandbox)",
            type: "SYSTEM_USER",
            is_valid: true,
            expires_at: 0,
            data_access_expires_at: 0,
            scopes: SCOPES,
            granular_scopes: SCOPES.map((scope) => ({ scope, target_ids: [context.wabaId] })),
          },
        }
      : { data: { is_valid: false, scopes: [], error: { code: 190, message: "Invalid OAuth access token." } } };
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

  if (request.method === "POST" && node === context.wabaId && edge === "subscribed_apps") return Response.json({ success: true });
  if (request.method !== "GET") return notFound();

  if (node === "debug_token" && !edge) return debugToken(url, context);
  if (node === context.phoneNumberId && !edge) {
    return Response.json(pick(phoneNumber(context.phoneNumberId), url.searchParams.get("fields"), ["display_phone_number", "verified_name", "quality_rating"]));
  }
  if (node === context.wabaId && edge === "message_templates") return templatesPage(url, context.templatePageSize ?? 100);
  if (node === context.wabaId && edge === "phone_numbers") {
    return Response.json({ data: [pick(phoneNumber(context.phoneNumberId), null, ["display_phone_number", "verified_name", "quality_rating"])] });
  }
  if (node === context.wabaId && edge === "subscribed_apps") {
    return Response.json({ data: [{ whatsapp_business_api_data: { id: "sandbox-app", name: "SSG Admin (sandbox)", link: `https://wa.me/${SANDBOX_DISPLAY_NUMBER}` } }] });
  }
  return notFound();
}
