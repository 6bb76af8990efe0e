// Where to go after signing in. Only a path on this site is accepted: browsers treat "\" like "/"
// and drop tabs and newlines, so "/\evil.example" or "/\t/evil.example" would leave the site; a
// value is refused when any percent-decoding of it could read that way, not only the raw text.
export const DEFAULT_CALLBACK_PATH = "/admin";

const MAX_LENGTH = 2000;
// A base that no real request has, so "same origin" means "resolved against it, still on it".
const BASE = new URL("http://callback.invalid");
// Control characters, space, backslash: none belongs in a path we hand to the browser.
const UNSAFE_CHARACTER = /[\u0000-\u0020\u007f-\u009f\\]/;

/** The readings a browser or a later decoding step could give the value. */
function decodings(value: string): string[] {
  const forms = [value];
  let current = value;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return [...forms, "\\"]; // a malformed escape: refuse rather than guess
    }
    if (next === current) break;
    forms.push(next);
    current = next;
  }
  return forms;
}

function isSafeReading(reading: string): boolean {
  return reading.startsWith("/") && !reading.startsWith("//") && !UNSAFE_CHARACTER.test(reading);
}

/** A same-origin path (with its query and fragment) to send the admin to, or `fallback`. */
export function safeCallbackPath(value: unknown, fallback = DEFAULT_CALLBACK_PATH): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return fallback;
  if (!decodings(raw).every(isSafeReading)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The parser may normalise "/./" segments into a new "//" start; check the result as well.
  return isSafeReading(path) ? path : fallback;
}

/**
 * next-auth's `redirect` callback: it hands over absolute URLs on this site (`baseUrl/...`) and
 * relative ones; anything else, or an unsafe path, goes to the dashboard.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/$/, "");
  let candidate = url;
  if (!url.startsWith("/")) {
    try {
      const parsed = new URL(url);
      if (parsed.origin !== new URL(base).origin) return `${base}${DEFAULT_CALLBACK_PATH}`;
      candidate = `${parsed.pathname}${parsed.search}${parsed.hash}`;
    } catch {
      return `${base}${DEFAULT_CALLBACK_PATH}`;
    }
  }
  return `${base}${safeCallbackPath(candidate)}`;
}
