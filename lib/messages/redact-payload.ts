// The request as sent, made safe to show. The sender already strips credentials before it stores
// requestPayload; this is the second line, so that a sender bug cannot put a token on a page.
const SECRET_KEY = /token|secret|password|authorization|api[-_]?key/i;
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/gi;
const TOKEN_PARAM = /((?:access_token|input_token)=)[^&\s"]+/gi;
const REDACTED = "[redacted]";

export function redactSecrets(value: unknown): unknown {
  if (typeof value === "string") return value.replace(BEARER, `Bearer ${REDACTED}`).replace(TOKEN_PARAM, `$1${REDACTED}`);
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) ? REDACTED : redactSecrets(item)]));
}

/** requestPayload pretty-printed with secrets removed; text that is not JSON is shown as it is, redacted. */
export function formatRequestPayload(payload: string | null): string | null {
  if (payload === null || payload.trim() === "") return null;
  try {
    return JSON.stringify(redactSecrets(JSON.parse(payload)), null, 2);
  } catch {
    return redactSecrets(payload) as string;
  }
}
