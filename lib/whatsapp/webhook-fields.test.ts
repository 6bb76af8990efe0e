import { describe, expect, it } from "vitest";
import { findUnstorableText, quoted, storableText, unstorableTextReason, ZUnixSeconds } from "@/lib/whatsapp/webhook-fields";

describe("unstorableTextReason and findUnstorableText", () => {
  it("finds NULs and lone surrogates, and lets whole pairs, emoji and newlines pass", () => {
    expect(unstorableTextReason("hi 👍\nthere")).toBeNull();
    expect(unstorableTextReason("a\u0000b")).toMatch(/NUL/);
    expect(unstorableTextReason("\ud800")).toMatch(/lone surrogate/);
    expect(unstorableTextReason("x\udc00")).toMatch(/lone surrogate/);
    expect(unstorableTextReason("\ud83d\udc4d\ud83d")).toMatch(/lone surrogate/);
  });

  it("names the path of the first bad string anywhere in a part, keys included", () => {
    expect(findUnstorableText({ id: "w", text: { body: "ok" }, list: [1, "fine"] })).toBeNull();
    expect(findUnstorableText({ image: { caption: "\u0000" } })).toBe("image.caption holds a NUL character");
    expect(findUnstorableText({ errors: [{ title: "\ud800" }] })).toBe("errors.0.title holds a lone surrogate");
    expect(findUnstorableText({ ["k\ud800"]: 1 })).toMatch(/a key under value holds a lone surrogate/);
    let deep: unknown = "x";
    for (let i = 0; i < 100; i++) deep = { deep };
    expect(findUnstorableText(deep)).toMatch(/nested too deeply/);
  });
});

describe("storableText and quoted", () => {
  it("escapes what a column cannot hold and shortens long text", () => {
    expect(storableText("a\u0000b\ud800c\u0007")).toBe("a\\u0000b\\ud800c\\u0007");
    expect(storableText("x".repeat(50), 10)).toBe(`${"x".repeat(9)}…`);
    expect(quoted("12\u0000")).toBe('"12\\u0000"');
    expect(quoted(undefined)).toBe("none");
  });
});

describe("ZUnixSeconds", () => {
  it("reads seconds as a string or a number, and refuses what no date holds", () => {
    expect(ZUnixSeconds.parse("1732450000")).toEqual(new Date(1_732_450_000_000));
    expect(ZUnixSeconds.parse(1_732_450_000)).toEqual(new Date(1_732_450_000_000));
    expect(ZUnixSeconds.safeParse("253402300799").success).toBe(true);
    for (const bad of ["99999999999999999999", "253402300800", 1e300, -1, 1.5, "1e9", "", " 1"]) {
      expect(ZUnixSeconds.safeParse(bad).success, String(bad)).toBe(false);
    }
  });
});
