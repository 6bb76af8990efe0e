import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BROKEN_CHARACTER_MESSAGE, CONTROL_CHARACTER_MESSAGE, ZMultilineTextSchema, ZTextSchema } from "@/lib/zod/text";

const messages = (schema: typeof ZTextSchema, value: unknown) => schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

// Every control character: C0, DEL and C1.
const CONTROLS = [...Array.from({ length: 0x20 }, (_, code) => code), ...Array.from({ length: 0x21 }, (_, index) => 0x7f + index)].map((code) =>
  String.fromCharCode(code),
);
const LINE_CHARACTERS = ["\t", "\n"];
// Text a person types: any well-formed string without a control character, emoji included.
const typedText = fc.string({ unit: "grapheme", maxLength: 40 }).filter((value) => !/[\u0000-\u001f\u007f-\u009f]/.test(value));
const RUNS = 500;

describe("ZTextSchema (one line)", () => {
  it("takes what people type: letters, accents, emoji, right-to-left scripts", () => {
    for (const value of ["Lerato", "Zoë Müller-Ndlovu", "🎀🎁 gift", "👩🏽‍🍳 chef", "مرحبا", "", "  spaces  "]) {
      expect(ZTextSchema.parse(value)).toBe(value);
    }
  });

  it(`takes any well-formed text without control characters (${RUNS} runs)`, () => {
    fc.assert(fc.property(typedText, (value) => ZTextSchema.safeParse(value).success), { numRuns: RUNS });
  });

  it("refuses each control character, tab and line breaks included, with the control-character message", () => {
    for (const control of CONTROLS) expect(messages(ZTextSchema, `Le${control}rato`), JSON.stringify(control)).toEqual([CONTROL_CHARACTER_MESSAGE]);
  });

  it(`refuses a control character anywhere in typed text (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(typedText, fc.constantFrom(...CONTROLS), typedText, (before, control, after) => {
        expect(messages(ZTextSchema, before + control + after)).toContain(CONTROL_CHARACTER_MESSAGE);
      }),
      { numRuns: RUNS },
    );
  });

  it("refuses a lone high or low surrogate, at the start, middle or end, with the broken-character message", () => {
    for (const value of ["\ud800", "a\ud83c", "\udc00a", "ok\udfffok", "🎀"[0]!, "🎀"[1]! + "🎀"]) {
      expect(messages(ZTextSchema, value), JSON.stringify(value)).toEqual([BROKEN_CHARACTER_MESSAGE]);
    }
  });

  it(`refuses half an emoji cut out of typed text (${RUNS} runs)`, () => {
    const halves = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
    fc.assert(
      // The text around it is well-formed, so no neighbour can complete the half into a pair.
      fc.property(typedText, halves, typedText, (before, half, after) => {
        expect(messages(ZTextSchema, before + half + after)).toContain(BROKEN_CHARACTER_MESSAGE);
      }),
      { numRuns: RUNS },
    );
  });

  it("keeps the field's own rules and messages after it", () => {
    const name = ZTextSchema.trim().min(2, "Tell us your name.").max(5, "Too long.");
    expect(name.parse("  Ann  ")).toBe("Ann");
    expect(messages(name, "A")).toEqual(["Tell us your name."]);
    expect(messages(name, "Ann\u0000")).toEqual([CONTROL_CHARACTER_MESSAGE]);
    expect(messages(name, 7)).toHaveLength(1);
  });
});

describe("ZMultilineTextSchema (a textarea)", () => {
  it("takes tabs, LF and the CRLF a browser submits", () => {
    for (const value of ["Line one\nLine two", "Line one\r\nLine two\r\n", "Item\tR250", "🎀\n\n🎁"]) {
      expect(ZMultilineTextSchema.parse(value)).toBe(value);
    }
  });

  it("refuses every other control character, and a CR that ends no line", () => {
    for (const control of CONTROLS.filter((character) => !LINE_CHARACTERS.includes(character))) {
      expect(messages(ZMultilineTextSchema, `Line${control}x`), JSON.stringify(control)).toEqual([CONTROL_CHARACTER_MESSAGE]);
    }
    expect(messages(ZMultilineTextSchema, "Line\r")).toEqual([CONTROL_CHARACTER_MESSAGE]);
  });

  it("refuses a lone surrogate", () => {
    expect(messages(ZMultilineTextSchema, "Line\n\ud800")).toEqual([BROKEN_CHARACTER_MESSAGE]);
  });
});
