import { describe, expect, it } from "vitest";
import { ZOptOutWordsSchema, isOptOutConfirmation, keywordForm, keywordOf, keywordOfButton, keywordOfWords, keywordWordsOf, parseStoredWords } from "@/lib/customers/opt-out-words";

describe("keywordOf", () => {
  it("takes STOP and UNSUBSCRIBE whatever the case, spacing or punctuation", () => {
    for (const text of ["STOP", "stop", "Stop.", " stop ", "STOP!!", "s t o p", "St-op", "\tUnsubscribe\n", "unsubscribe!", "¡STOP!", "ＳＴＯＰ"]) {
      expect(keywordOf(text), JSON.stringify(text)).toBe("opt_out");
    }
  });

  it("takes START as the way back in", () => {
    for (const text of ["START", "start", " Start! "]) expect(keywordOf(text), text).toBe("opt_in");
  });

  it("needs the whole message to be the word", () => {
    for (const text of ["stop please", "Please stop", "STOP sending", "Don't stop", "stopped", "start again", "unsubscribe me", "", "   ", "!!!", null, undefined]) {
      expect(keywordOf(text), JSON.stringify(text)).toBeNull();
    }
  });

  it("takes the extra words from settings, in their compared form", () => {
    expect(keywordOf("No more!", ["NOMORE"])).toBe("opt_out");
    expect(keywordOf("alto", ["ALTO"])).toBe("opt_out");
    expect(keywordOf("alto", [])).toBeNull();
    expect(keywordOf("no more cake please", ["NOMORE"])).toBeNull();
  });

  it("never reads a long text as a keyword", () => {
    expect(keywordOf(`${" ".repeat(200)}STOP`)).toBeNull();
  });
});

describe("a tapped button", () => {
  it("opts out when its text or payload is an opt-out word or Meta's marketing opt-out", () => {
    expect(keywordOfButton({ text: "Stop promotions" })).toBe("opt_out");
    expect(keywordOfButton({ text: "Unsubscribe from Promos" })).toBe("opt_out");
    expect(keywordOfButton({ text: "No thanks", payload: "STOP" })).toBe("opt_out");
    expect(keywordOfButton({ text: "Stop" })).toBe("opt_out");
    expect(keywordOfButton({ text: "Alto" }, ["ALTO"])).toBe("opt_out");
  });

  it("does nothing for any other button, and never opts back in", () => {
    for (const button of [{ text: "Accept", payload: "ACCEPT" }, { text: "Stop promotions please tell me more" }, { text: "START" }, { text: "Resume", payload: "START" }, { text: "" }]) {
      expect(keywordOfButton(button), JSON.stringify(button)).toBeNull();
    }
  });

  it("is read from a template's quick reply and an interactive button, not from a list row or a reaction", () => {
    const words = (content: Parameters<typeof keywordWordsOf>[0]) => {
      const found = keywordWordsOf(content);
      return found && keywordOfWords(found);
    };
    expect(words({ kind: "button", body: "Stop promotions", replyId: "Stop promotions" })).toBe("opt_out");
    expect(words({ kind: "interactive", replyType: "button_reply", body: "Opt out", replyId: "unsubscribe" })).toBe("opt_out");
    expect(words({ kind: "interactive", replyType: "list_reply", body: "Stop", replyId: "stop" })).toBeNull();
    expect(words({ kind: "reaction", emoji: "🛑", targetWamid: "wamid.X" })).toBeNull();
    // A typed "Stop promotions" is a conversation, as any other sentence.
    expect(words({ kind: "text", body: "Stop promotions" })).toBeNull();
    expect(words({ kind: "text", body: "STOP" })).toBe("opt_out");
  });
});

describe("the settings form", () => {
  it("keeps each word once in its compared form, without the built-in ones", () => {
    expect(ZOptOutWordsSchema.parse({ words: "alto, No more\nstop; ALTO\n\n basta! " }).words).toEqual(["ALTO", "NOMORE", "BASTA"]);
    expect(ZOptOutWordsSchema.parse({ words: "" }).words).toEqual([]);
  });

  it("refuses START, words without letters and too many words, saying why", () => {
    const start = ZOptOutWordsSchema.safeParse({ words: "alto, start" });
    expect(start.success).toBe(false);
    expect(start.error?.issues[0]?.message).toMatch(/START opts a customer back in/);
    expect(ZOptOutWordsSchema.safeParse({ words: "alto, ???" }).error?.issues[0]?.message).toMatch(/no letters or digits/);
    const many = Array.from({ length: 21 }, (_, i) => `word${i}`).join(",");
    expect(ZOptOutWordsSchema.safeParse({ words: many }).error?.issues[0]?.message).toMatch(/At most 20/);
  });
});

describe("stored words and origins", () => {
  it("reads stored JSON, and anything odd as no words", () => {
    expect(parseStoredWords('["alto","NO MORE"]')).toEqual(["ALTO", "NOMORE"]);
    expect(parseStoredWords("not json")).toEqual([]);
    expect(parseStoredWords('{"a":1}')).toEqual([]);
    expect(parseStoredWords(null)).toEqual([]);
  });

  it("tells the opt-out confirmation apart", () => {
    expect(isOptOutConfirmation("system:whatsapp-opt-out")).toBe(true);
    expect(isOptOutConfirmation("system:whatsapp-opt-in")).toBe(false);
    expect(isOptOutConfirmation("admin")).toBe(false);
    expect(keywordForm(" No-More! ")).toBe("NOMORE");
  });
});
