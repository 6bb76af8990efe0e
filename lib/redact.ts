// The one way secrets are taken out of text and data before it is logged, stored for the audit
// log or shown: bearer tokens, `access_token=`/`input_token=` parameters, and the values of keys
// that name a secret. Used by the logger, the payloads on message pages and WhatsApp errors.
// No config or server imports, so any layer may use it.
const SECRET_KEY = /token|secret|password|authorization|api[-_]?key|hash|cookie|signature/i;
// App tokens are `app_id|app_secret`, hence the bar.
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=|-]+/gi;
const TOKEN_PARAM = /((?:access_token|input_token)=)[^&\s"']+/gi;
export const REDACTED = "[redacted]";
// Deeper than any payload we send; past it (a cycle, say) nothing is shown rather than a secret.
const MAX_DEPTH = 20;

export function redactText(text: string): string {
  return text.replace(BEARER, `Bearer ${REDACTED}`).replace(TOKEN_PARAM, `$1${REDACTED}`);
}

/** A copy of `value` with secrets replaced; errors become their name and (redacted) message. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > MAX_DEPTH) return REDACTED;
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) ? REDACTED : redactSecrets(item, depth + 1)]));
}
