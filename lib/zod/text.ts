// The one string schema every text input starts from. People never type control characters
// (NUL, escape, backspace...) or a lone surrogate (half of an emoji): they come from scripts and
// broken clients, were stored as-is (NULs in quotes and customers), and a lone surrogate makes the
// database layer throw. Client-safe, so forms show the same message before anything is sent.
//
// Chain the field's own rules after it: `ZTextSchema.trim().min(2, "...").max(120, "...")`.
// A field held to a strict pattern (z.email(), a token's regex, an enum) needs nothing more: the
// pattern admits no control character and no surrogate, and its own message says more.
import { z } from "zod";

// Zod compiles object parsers with `new Function` unless told not to; the pages' CSP allows no
// eval, so in the browser its probe is refused and reported as a violation on every form page.
// Set here, before the schemas that import this module build their objects.
z.config({ jitless: true });

export const CONTROL_CHARACTER_MESSAGE = "This text has an invisible control character in it. Type it again, or paste it as plain text.";
export const BROKEN_CHARACTER_MESSAGE = "This text has a broken character in it (half of an emoji or symbol). Type it again.";

// C0 controls, DEL and C1 controls (Unicode's Cc category).
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Multi-line text keeps tabs and line breaks; a browser submits a textarea's line breaks as CRLF,
// so a CR is fine as part of one, and only there.
const CONTROL_OUTSIDE_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;
// With the u flag a paired surrogate is one code point, so this matches lone halves only.
const LONE_SURROGATE = /\p{Surrogate}/u;

export function hasControlCharacter(value: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? CONTROL_OUTSIDE_LINES : ANY_CONTROL).test(value);
}

export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/** One line of text: a name, a phone number, an id, a short note. */
export const ZTextSchema = z
  .string()
  .refine((value) => !hasControlCharacter(value), CONTROL_CHARACTER_MESSAGE)
  .refine((value) => !hasLoneSurrogate(value), BROKEN_CHARACTER_MESSAGE);

/** Text typed in a textarea: also tabs and line breaks (LF or CRLF). */
export const ZMultilineTextSchema = z
  .string()
  .refine((value) => !hasControlCharacter(value, { multiline: true }), CONTROL_CHARACTER_MESSAGE)
  .refine((value) => !hasLoneSurrogate(value), BROKEN_CHARACTER_MESSAGE);
