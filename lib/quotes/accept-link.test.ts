import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appUrl, env } from "@/lib/env";
import { ACCEPT_TOKEN_PATTERN, acceptPath, acceptToken, acceptUrl, hashAcceptToken, validUntilFrom } from "@/lib/quotes/accept-link";

const answeredAt = new Date("2026-11-25T12:00:00.000Z");

describe("acceptToken", () => {
  it("is 32 URL-safe characters and matches the token pattern", () => {
    for (let i = 0; i < 50; i++) {
      const token = acceptToken({ id: `quote_${i}`, answeredAt: new Date(answeredAt.getTime() + i * 7919) });
      expect(token).toHaveLength(32);
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(token).toMatch(ACCEPT_TOKEN_PATTERN);
      expect(encodeURIComponent(token)).toBe(token);
    }
  });

  it("is the same for the same quote and answer time", () => {
    expect(acceptToken({ id: "quote_1", answeredAt })).toBe(acceptToken({ id: "quote_1", answeredAt: new Date(answeredAt.getTime()) }));
  });

  it("changes when the quote is answered again, even a millisecond later", () => {
    expect(acceptToken({ id: "quote_1", answeredAt })).not.toBe(acceptToken({ id: "quote_1", answeredAt: new Date(answeredAt.getTime() + 1) }));
  });

  it("differs between quotes", () => {
    expect(acceptToken({ id: "quote_1", answeredAt })).not.toBe(acceptToken({ id: "quote_2", answeredAt }));
  });

  it("is not a plain hash of the quote (it is keyed)", () => {
    const unkeyed = createHash("sha256").update(`quote_1:${answeredAt.toISOString()}`).digest("base64url").slice(0, 32);
    expect(acceptToken({ id: "quote_1", answeredAt })).not.toBe(unkeyed);
  });
});

describe("hashAcceptToken", () => {
  it("is the SHA-256 of the token in hex, different from the token", () => {
    const token = acceptToken({ id: "quote_1", answeredAt });
    const hash = hashAcceptToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hash).not.toBe(token);
    expect(hash).not.toContain(token);
    expect(hashAcceptToken(token)).toBe(hash);
    expect(hashAcceptToken(`${token.slice(0, 31)}x`)).not.toBe(hash);
  });
});

describe("accept link addresses", () => {
  it("puts the token under /q/ on the site's address", () => {
    expect(acceptPath("abc")).toBe("q/abc");
    expect(acceptUrl("abc")).toBe(`${appUrl}/q/abc`);
    expect(appUrl.endsWith("/")).toBe(false);
  });
});

describe("validUntilFrom", () => {
  it("adds whole days to the answer time", () => {
    expect(validUntilFrom(answeredAt, 14)).toEqual(new Date("2026-12-09T12:00:00.000Z"));
    expect(validUntilFrom(answeredAt, 1)).toEqual(new Date("2026-11-26T12:00:00.000Z"));
    // 24-hour days, not calendar days: daylight saving does not move it.
    expect(validUntilFrom(new Date("2026-03-28T12:00:00.000Z"), 2)).toEqual(new Date("2026-03-30T12:00:00.000Z"));
  });

  it("uses QUOTE_VALID_DAYS by default", () => {
    expect(validUntilFrom(answeredAt).getTime() - answeredAt.getTime()).toBe(env.QUOTE_VALID_DAYS * 24 * 60 * 60 * 1000);
  });

  it("does not change the date it was given", () => {
    const given = new Date(answeredAt);
    validUntilFrom(given, 3);
    expect(given).toEqual(answeredAt);
  });
});

describe("ACCEPT_TOKEN_PATTERN", () => {
  it("accepts exactly 32 base64url characters", () => {
    expect(ACCEPT_TOKEN_PATTERN.test("A".repeat(32))).toBe(true);
    expect(ACCEPT_TOKEN_PATTERN.test("aZ09_-".repeat(5) + "xy")).toBe(true);
  });

  it("refuses other lengths, other characters and surrounding text", () => {
    expect(ACCEPT_TOKEN_PATTERN.test("A".repeat(31))).toBe(false);
    expect(ACCEPT_TOKEN_PATTERN.test("A".repeat(33))).toBe(false);
    expect(ACCEPT_TOKEN_PATTERN.test("")).toBe(false);
    expect(ACCEPT_TOKEN_PATTERN.test(`${"A".repeat(31)}+`)).toBe(false);
    expect(ACCEPT_TOKEN_PATTERN.test(`${"A".repeat(31)}/`)).toBe(false);
    expect(ACCEPT_TOKEN_PATTERN.test(`${"A".repeat(31)}=`)).toBe(false);
    expect(ACCEPT_TOKEN_PATTERN.test(`${"A".repeat(31)}.`)).toBe(false);
    expect(ACCEPT_TOKEN_PATTERN.test(` ${"A".repeat(32)}`)).toBe(false);
    expect(ACCEPT_TOKEN_PATTERN.test(`${"A".repeat(32)}\n`)).toBe(false);
  });
});
