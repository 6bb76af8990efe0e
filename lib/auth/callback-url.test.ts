import { describe, expect, it } from "vitest";
import { DEFAULT_CALLBACK_PATH, safeCallbackPath, safeRedirectUrl } from "@/lib/auth/callback-url";

describe("safeCallbackPath", () => {
  it.each([
    "/admin",
    "/admin/quotes?status=new&page=2",
    "/admin/quotes/abc#answer",
    "/admin/customers?q=th%C3%A9",
  ])("keeps the same-origin path %s", (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  it.each([
    ["a backslash authority", "/\\evil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["a lower-case encoded backslash", "/%5cevil.example"],
    ["a double-encoded backslash", "/%255Cevil.example"],
    ["a protocol-relative URL", "//evil.example"],
    ["a protocol-relative URL with a path", "//evil.example/admin"],
    ["a tab before the second slash", "/\t/evil.example"],
    ["an encoded tab", "/%09/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["an encoded newline", "/%0A/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["an encoded slash start", "/%2F/evil.example"],
    ["an absolute URL", "https://evil.example/admin"],
    ["an absolute URL on this path", "http://localhost:3000/admin"],
    ["javascript:", "javascript:alert(1)"],
    ["encoded javascript:", "javascript%3Aalert(1)"],
    ["a relative path", "admin/quotes"],
    ["a malformed escape", "/admin%E0%A4%A"],
    ["a leading space", " /admin"],
    ["a NUL", "/admin\u0000"],
    ["an empty value", ""],
    ["a dot segment that becomes //", "/.//evil.example"],
  ])("refuses %s", (_name, value) => {
    expect(safeCallbackPath(value)).toBe(DEFAULT_CALLBACK_PATH);
  });

  it("refuses what is not one string, and very long values", () => {
    expect(safeCallbackPath(undefined)).toBe(DEFAULT_CALLBACK_PATH);
    expect(safeCallbackPath(42)).toBe(DEFAULT_CALLBACK_PATH);
    expect(safeCallbackPath(["/admin/orders", "/x"])).toBe("/admin/orders");
    expect(safeCallbackPath(`/${"a".repeat(2001)}`)).toBe(DEFAULT_CALLBACK_PATH);
    expect(safeCallbackPath("//evil", "/login")).toBe("/login");
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const base = "http://localhost:3000";
  it("keeps paths on this site", () => {
    expect(safeRedirectUrl("/admin/orders", base)).toBe(`${base}/admin/orders`);
    expect(safeRedirectUrl(`${base}/admin/orders?x=1`, base)).toBe(`${base}/admin/orders?x=1`);
  });

  it("sends everything else to the dashboard", () => {
    for (const url of ["https://evil.example/", "/\\evil.example", `${base}/\\evil.example`, "//evil.example", "javascript:alert(1)", "http://localhost:3001/admin"]) {
      expect(safeRedirectUrl(url, base)).toBe(`${base}/admin`);
    }
  });
});
