// Who a send is addressed to, as Meta reads it: `to` (a phone number) wins; without it,
// `recipient` holds a business-scoped user id (BSUID) for a customer known only by username.
// Meta answers such a send with `contacts[].user_id` instead of `wa_id`, and refuses with 131062
// what cannot go to a BSUID (authentication templates need a phone number).
import { isBusinessScopedUserId } from "@/lib/whatsapp/payloads";
import { graphErrorResponse } from "@/lib/whatsapp/sandbox/failures";

export type TSendTarget = { ok: true; address: string; byUserId: boolean } | { ok: false; response: Response };

export function sendTarget(body: Record<string, unknown>): TSendTarget {
  const to = body.to;
  if (to === undefined && typeof body.recipient === "string") {
    if (isBusinessScopedUserId(body.recipient)) return { ok: true, address: body.recipient, byUserId: true };
    return {
      ok: false,
      response: graphErrorResponse(131009, "(#131009) Parameter value is not valid", 400, {
        details: "'recipient' must be a business-scoped user id such as ZA.13491208655302741918.",
      }),
    };
  }
  if (typeof to !== "string" || !/^\d{7,15}$/.test(to)) {
    return {
      ok: false,
      response: graphErrorResponse(131009, "(#131009) Parameter value is not valid", 400, {
        details: "'to' must be the recipient's number as digits with country code, no '+'.",
      }),
    };
  }
  return { ok: true, address: to, byUserId: false };
}

/** 131062: this template's kind needs a phone number (Meta: authentication templates). */
export function refusedForUserId(category: string | undefined): Response | null {
  if ((category ?? "").toUpperCase() !== "AUTHENTICATION") return null;
  return graphErrorResponse(131062, "(#131062) Business-scoped User ID recipients are not supported for this message", 400, {
    details: "Authentication templates can only be sent to a phone number.",
  });
}

/** The `contacts` entry of a successful send's answer. */
export function answeredContact(target: { address: string; byUserId: boolean }) {
  return target.byUserId ? { input: target.address, user_id: target.address } : { input: target.address, wa_id: target.address };
}
