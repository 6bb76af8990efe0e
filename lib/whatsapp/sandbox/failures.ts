// How the sandbox chooses to fail, by recipient number, so tests and demos can ask for any of
// Meta's errors without configuration:
//   27 60 + seven digits: the send is refused at once with that error code (e.g. 27600131030 →
//     131030, 27600000190 → 190 token expired).
//   27 61 + seven digits: the send is accepted, then a `failed` status webhook carries that code
//     (e.g. 27610131026 → 131026 undeliverable, after `sent`).
// Both are valid South African mobile numbers, so they pass the quote form's validation.
type TSandboxFailure = { code: number; subcode?: number; httpStatus: number; message: string };

const IMMEDIATE: Record<number, TSandboxFailure> = {
  0: { code: 0, httpStatus: 401, message: "(#0) Could not authenticate the token" },
  4: { code: 4, httpStatus: 429, message: "(#4) Application request limit reached" },
  10: { code: 10, httpStatus: 403, message: "(#10) Application does not have permission for this action" },
  100: { code: 100, subcode: 33, httpStatus: 400, message: "Unsupported post request. Object with ID does not exist" },
  190: { code: 190, subcode: 463, httpStatus: 401, message: "Error validating access token: Session has expired" },
  131000: { code: 131000, httpStatus: 500, message: "Something went wrong" },
  131016: { code: 131016, httpStatus: 503, message: "Service unavailable" },
  131026: { code: 131026, httpStatus: 400, message: "Message undeliverable" },
  131030: { code: 131030, subcode: 2655007, httpStatus: 400, message: "(#131030) Recipient phone number not in allowed list" },
  131037: { code: 131037, httpStatus: 400, message: "WhatsApp provided number needs display name approval before message can be sent." },
  131047: { code: 131047, httpStatus: 400, message: "Re-engagement message" },
  131056: { code: 131056, httpStatus: 400, message: "(Business Account, Consumer Account) pair rate limit hit" },
  130429: { code: 130429, httpStatus: 400, message: "Rate limit hit" },
  80007: { code: 80007, httpStatus: 400, message: "Rate limit issues" },
};

export function immediateFailure(to: string): TSandboxFailure | undefined {
  const match = /^2760(\d{7})$/.exec(to);
  return match ? IMMEDIATE[Number(match[1])] : undefined;
}

export function laterFailureCode(to: string): number | undefined {
  const match = /^2761(\d{7})$/.exec(to);
  return match ? Number(match[1]) : undefined;
}

export function graphError(code: number, message: string, options: { subcode?: number; details?: string } = {}) {
  return {
    error: {
      message,
      type: code === 190 || code === 0 ? "OAuthException" : "OAuthException",
      code,
      ...(options.subcode ? { error_subcode: options.subcode } : {}),
      error_data: { messaging_product: "whatsapp", details: options.details ?? message },
      fbtrace_id: `Sandbox${Math.random().toString(36).slice(2, 12)}`,
    },
  };
}
