import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, pageSecurityHeaders } from "@/lib/security-headers";

const base = { nonce: "bm9uY2U=", https: false, dev: false };
const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1).join(" ")]));

describe("pageSecurityHeaders", () => {
  it("allows only scripts with this request's nonce, forbids framing and sniffing", () => {
    const headers = pageSecurityHeaders({ ...base, pathname: "/quote" });
    const csp = directives(headers["Content-Security-Policy"]!);
    expect(csp["script-src"]).toBe("'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(csp["frame-ancestors"]).toBe("'none'");
    expect(csp["object-src"]).toBe("'none'");
    expect(csp["base-uri"]).toBe("'self'");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Permissions-Policy"]).toContain("camera=()");
  });

  it("sends no Referer from pages whose path holds a token, and only the origin cross-site elsewhere", () => {
    for (const pathname of ["/q/abc", "/login/reset/abc", "/login/invite/abc"]) {
      expect(pageSecurityHeaders({ ...base, pathname })["Referrer-Policy"], pathname).toBe("no-referrer");
    }
    for (const pathname of ["/", "/quote", "/login", "/admin/quotes", "/quote/thanks"]) {
      expect(pageSecurityHeaders({ ...base, pathname })["Referrer-Policy"], pathname).toBe("strict-origin-when-cross-origin");
    }
  });

  it("adds HSTS and upgrade-insecure-requests only when the app is served over https", () => {
    const http = pageSecurityHeaders({ ...base, pathname: "/" });
    expect(http["Strict-Transport-Security"]).toBeUndefined();
    expect(http["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    const https = pageSecurityHeaders({ ...base, https: true, pathname: "/" });
    expect(https["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("allows eval in development only, for React's error overlays", () => {
    expect(contentSecurityPolicy({ ...base, dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy(base)).not.toContain("unsafe-eval");
  });
});

describe("newNonce", () => {
  it("is new for every request and long enough not to be guessed", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
