// How the sandbox fails, chosen by recipient number so that tests, demos and the e2e suite can
// ask for any of Meta's errors without configuration. Both ranges are valid South African mobile
// numbers (checked with libphonenumber-js), so they pass the quote form's phone validation.
//
//   2760 + 7 digits  (+27 60 xxx xxxx)  refused at once: the send answers Meta's error envelope
//       with the code given by the 7 digits read as an integer, when that code is one of
//       lib/whatsapp/errors.ts's codes (200–299 included). Other numbers in the range send normally.
//         27600131030 → 131030 not in allowed list      27600000190 → 190/463 token expired (HTTP 401)
//         27600000010 → 10 permission (HTTP 403)        27600131026 → 131026 undeliverable
//         27600130429 → 130429 throughput               27600131056 → 131056 pair rate limit
//         27600131047 → 131047 window (even for templates)  27600000004 → 4 call rate
//         27600131000 → 131000 (HTTP 500)               27600131016 → 131016 (HTTP 503)
//         27600000100 → 100/33 object does not exist
//   2761 + 7 digits  (+27 61 xxx xxxx)  fails later: accepted with a wamid, then a `sent` webhook,
//       then a `failed` webhook whose statuses[].errors carries the code of the 7 digits when it
//       is a known code, else 131026 (undeliverable). 27610131026 and 27610000000 → 131026,
//       27610131049 → 131049 (marketing limit), 27610131050 → 131050 (stopped marketing).
import "server-only";
import { randomBytes } from "node:crypto";
import { describeWhatsAppError, isKnownWhatsAppErrorCode } from "@/lib/whatsapp/errors";

export type TSandboxFailure = { code: number; subcode?: number; httpStatus: number; message: string };

// Subcodes Meta sends with these codes, so the client's subcode mapping is exercised too.
const SUBCODES: Record<number, number> = { 100: 33, 190: 463, 131030: 2655007 };

function httpStatusFor(code: number): number {
  if (code === 0 || code === 190) return 401;
  if (code === 3 || code === 10 || code === 131005 || (code >= 200 && code <= 299)) return 403;
  if (code === 1 || code === 131000) return 500;
  if (code === 2 || code === 131016 || code === 131057) return 503;
  return 400;
}

export function sandboxFailure(code: number): TSandboxFailure {
  const subcode = SUBCODES[code];
  return { code, subcode, httpStatus: httpStatusFor(code), message: `(#${code}) ${describeWhatsAppError(code, subcode).title}` };
}

export function immediateFailure(to: string): TSandboxFailure | undefined {
  const match = /^2760(\d{7})$/.exec(to);
  const code = match ? Number(match[1]) : undefined;
  return code !== undefined && isKnownWhatsAppErrorCode(code) ? sandboxFailure(code) : undefined;
}

export function laterFailureCode(to: string): number | undefined {
  const match = /^2761(\d{7})$/.exec(to);
  if (!match) return undefined;
  const code = Number(match[1]);
  return isKnownWhatsAppErrorCode(code) ? code : 131026;
}

/** Meta's error envelope. */
export function graphError(code: number, message: string, options: { subcode?: number; details?: string } = {}) {
  return {
    error: {
      message,
      type: "OAuthException",
      code,
      ...(options.subcode !== undefined ? { error_subcode: options.subcode } : {}),
      error_data: { messaging_product: "whatsapp", details: options.details ?? message },
      fbtrace_id: `Sbx${randomBytes(9).toString("base64url")}`,
    },
  };
}

export function graphErrorResponse(code: number, message: string, httpStatus: number, options: { subcode?: number; details?: string } = {}): Response {
  return Response.json(graphError(code, message, options), { status: httpStatus });
}

export function failureResponse(failure: TSandboxFailure, details?: string): Response {
  return graphErrorResponse(failure.code, failure.message, failure.httpStatus, { subcode: failure.subcode, details });
}
