// Readers for single values in Meta's webhooks. Signed payloads are trusted to come from Meta, not
// to hold values a database can take: a timestamp past the range of a date, a lone surrogate
// ("\ud800" parses to half a character) or a NUL makes the driver throw. Such a value turns its
// part into a malformed one here, so nothing unstorable reaches a query.
import { z } from "zod";

// Half of a surrogate pair without its other half.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why this text cannot be stored as it is, or null when it can. */
export function unstorableTextReason(value: string): string | null {
  if (value.includes("\u0000")) return "holds a NUL character";
  if (LONE_SURROGATE.test(value)) return "holds a lone surrogate";
  return null;
}

/**
 * The first string (or object key) anywhere in `value` that cannot be stored, with its path:
 * "text.body holds a NUL character". Checked over a whole part, so fields this product does not
 * name (a caption, a new field from Meta) are covered as well.
 */
export function findUnstorableText(value: unknown, path: string[] = [], depth = 0): string | null {
  const at = () => path.join(".") || "value";
  if (typeof value === "string") {
    const reason = unstorableTextReason(value);
    return reason ? `${at()} ${reason}` : null;
  }
  if (!value || typeof value !== "object") return null;
  // JSON.parse cannot build cycles, but it can nest deeply: far past any real payload, stop.
  if (depth > 64) return `${at()} is nested too deeply`;
  for (const [key, child] of Object.entries(value)) {
    const keyReason = unstorableTextReason(key);
    if (keyReason) return `a key under ${at()} ${keyReason}`;
    const reason = findUnstorableText(child, [...path, key], depth + 1);
    if (reason) return reason;
  }
  return null;
}

/** Text safe for a log or a detail column: NULs, other control characters and lone surrogates escaped. */
export function storableText(value: string, maxLength = 2_000): string {
  const cleaned = value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(new RegExp(LONE_SURROGATE, "g"), (char) => `\\u${char.charCodeAt(0).toString(16)}`);
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
}

/** A value from the payload, quoted for a reason ("for phone number id \"123\""), short and storable. */
export function quoted(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : value === undefined ? "none" : JSON.stringify(value);
  return storableText(text ?? String(value), 80);
}

// 9999-12-31T23:59:59Z: the last second every date type here (JS, SQLite text, PostgreSQL) holds.
const MAX_UNIX_SECONDS = 253_402_300_799;

/** Unix seconds; Meta sends strings, a number is accepted too. Out of range is an issue, not an Invalid Date. */
export const ZUnixSeconds = z
  .union([z.string().regex(/^\d+$/, "must be Unix seconds"), z.number().int().nonnegative()])
  .transform((value) => Number(value))
  .refine((seconds) => seconds <= MAX_UNIX_SECONDS, "timestamp is out of range")
  .transform((seconds) => new Date(seconds * 1000));

/** Unix seconds as a number: an entry's `time` (templates, limits) and the times inside template changes. */
export const ZUnixSecondsNumber = z.number().int().nonnegative().max(MAX_UNIX_SECONDS).transform((seconds) => new Date(seconds * 1000));

/** The first issue of a failed parse, with its path: "text.body: Too big". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "value"}: ${issue.message}` : "invalid";
}

/** A WhatsApp user's phone number as Meta writes it: digits with the country code, no "+". */
export const ZWhatsAppPhone = z.string().regex(/^\d{6,20}$/, "must be digits with the country code");
