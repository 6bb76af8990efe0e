// Which inbound WhatsApp texts are an opt-out (STOP, UNSUBSCRIBE and the words set in settings)
// or an opt-in (START). Only a whole message counts: "stop please" or "Stop sending me cake
// pictures" is a conversation, not a request. Case, spaces and punctuation do not matter
// ("Stop.", " s t o p ", "UNSUBSCRIBE!"), so each word is kept and compared in one form.
// A tapped quick-reply button (a template's, or an interactive message's) opts out the same way
// when its text or payload is an opt-out word or Meta's marketing opt-out button ("Stop
// promotions"); a button never opts back in, since START is a choice the customer types.
// Pure, so the rule is unit-tested without a database.
import { z } from "zod";
import type { TInboundContent } from "@/lib/whatsapp/inbound-content";

export const BUILT_IN_OPT_OUT_WORDS = ["STOP", "UNSUBSCRIBE"] as const;
export const OPT_IN_WORD = "START";

/** Origins of the replies that confirm a change; the opt-out one still goes to an opted-out customer. */
export const OPT_OUT_CONFIRMATION_ORIGIN = "system:whatsapp-opt-out";
export const OPT_IN_CONFIRMATION_ORIGIN = "system:whatsapp-opt-in";

export type TKeyword = "opt_out" | "opt_in";

/** The consent source of a change the customer made by WhatsApp message. */
export const WHATSAPP_CONSENT_SOURCE = "whatsapp-inbound";

/** The form a word is compared in: upper case, letters and digits only. */
export function keywordForm(text: string): string {
  return text.normalize("NFKC").toUpperCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** What this whole message asks for, given the extra opt-out words from settings. */
export function keywordOf(text: string | null | undefined, extraOptOutWords: readonly string[] = []): TKeyword | null {
  // A long text is never a keyword; this also keeps the normalising cheap.
  if (!text || text.length > 100) return null;
  const word = keywordForm(text);
  if (!word) return null;
  if (word === OPT_IN_WORD) return "opt_in";
  if ((BUILT_IN_OPT_OUT_WORDS as readonly string[]).includes(word) || extraOptOutWords.includes(word)) return "opt_out";
  return null;
}

/** Meta's marketing opt-out button as WhatsApp Manager labels it in English, in the compared form. */
export const MARKETING_OPT_OUT_BUTTONS = ["STOPPROMOTIONS", "UNSUBSCRIBEFROMPROMOS"] as const;

/** A tapped button's text or payload that opts out; null for every other button. */
export function keywordOfButton(button: { text?: string | null; payload?: string | null }, extraOptOutWords: readonly string[] = []): "opt_out" | null {
  for (const value of [button.payload, button.text]) {
    if (!value || value.length > 100) continue;
    if (keywordOf(value, extraOptOutWords) === "opt_out" || (MARKETING_OPT_OUT_BUTTONS as readonly string[]).includes(keywordForm(value))) return "opt_out";
  }
  return null;
}

/** The words of an inbound message that the rule reads: a text, or a tapped button; null for any other kind. */
export type TKeywordWords = { text: string; button?: { payload?: string } };

export function keywordWordsOf(content: TInboundContent): TKeywordWords | null {
  if (content.kind === "text") return { text: content.body };
  if (content.kind === "button" || (content.kind === "interactive" && content.replyType === "button_reply")) return { text: content.body, button: { payload: content.replyId } };
  return null;
}

/** What these words ask for, given the extra opt-out words from settings. */
export function keywordOfWords(words: TKeywordWords, extraOptOutWords: readonly string[] = []): TKeyword | null {
  return words.button ? keywordOfButton({ text: words.text, payload: words.button.payload }, extraOptOutWords) : keywordOf(words.text, extraOptOutWords);
}

export function isOptOutConfirmation(origin: string | null | undefined): boolean {
  return origin === OPT_OUT_CONFIRMATION_ORIGIN;
}

export const MAX_EXTRA_WORDS = 20;

/**
 * The settings form: extra opt-out words, separated by commas or new lines, stored in their
 * compared form, without repeats. START and the built-in words are refused with a reason.
 */
export const ZOptOutWordsSchema = z.object({
  words: z
    .string()
    .max(2_000, "Keep the list under 2,000 characters.")
    .transform((text, context) => {
      const words: string[] = [];
      for (const entry of text.split(/[,\n;]+/)) {
        if (!entry.trim()) continue;
        const word = keywordForm(entry);
        if (!word) {
          context.addIssue({ code: "custom", message: `"${entry.trim()}" has no letters or digits.` });
          continue;
        }
        if (word.length > 40) context.addIssue({ code: "custom", message: `"${entry.trim()}" is longer than 40 letters.` });
        else if (word === OPT_IN_WORD) context.addIssue({ code: "custom", message: "START opts a customer back in; it cannot also opt them out." });
        else if (!(BUILT_IN_OPT_OUT_WORDS as readonly string[]).includes(word) && !words.includes(word)) words.push(word);
      }
      if (words.length > MAX_EXTRA_WORDS) context.addIssue({ code: "custom", message: `At most ${MAX_EXTRA_WORDS} words.` });
      return words;
    }),
});
export type TOptOutWordsInput = z.input<typeof ZOptOutWordsSchema>;

/** The stored JSON of the extra words; anything odd in it reads as none. */
export function parseStoredWords(json: string | null | undefined): string[] {
  const parsed = z.array(z.string()).safeParse(json ? safeJson(json) : []);
  return parsed.success ? parsed.data.map(keywordForm).filter(Boolean) : [];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
