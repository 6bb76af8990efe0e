// Turns one recorded Graph answer into a value the checks can trust, or the reason it cannot be
// read: Meta's error (as mapped in lib/whatsapp/errors.ts) or a body of an unexpected shape.
import type { z } from "zod";
import type { TAnswerError, TGraphAnswer } from "@/lib/whatsapp/doctor/types";

export type TRead<T> = { ok: true; value: T } | { ok: false; error: TAnswerError };

export function readAnswer<T extends z.ZodType>(answer: TGraphAnswer, schema: T): TRead<z.infer<T>> {
  if (!answer.ok) return answer;
  const parsed = schema.safeParse(answer.data);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: { code: -1, title: "Meta's answer had an unexpected shape", action: "Run the doctor again; if it persists, report it with the server log." } };
}

/** Meta refused the access token itself (expired, invalid, revoked). */
export const isTokenRefusal = (error: TAnswerError) => error.code === 190 || error.code === 0;

/** "2026-12-03 14:05 UTC": verdicts are read in a terminal as well as on a page. */
export const formatUtc = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** What to do about a failed call: Meta's own advice, or, when Meta was not reached, how to reach it. */
export function fixFor(error: TAnswerError): string {
  if (typeof error.code === "number") return error.action;
  return "The Graph API did not answer: check this machine's network and WHATSAPP_API_BASE_URL (for the built-in sandbox, that the app is running at APP_URL), then run the doctor again.";
}

export const NEW_TOKEN_FIX =
  "Make a system-user token that does not expire (Business settings → Users → System users → Generate new token) with whatsapp_business_messaging and whatsapp_business_management for this WhatsApp account, set WHATSAPP_ACCESS_TOKEN to it and restart. WhatsApp sends wait until then and go out once the token works.";
