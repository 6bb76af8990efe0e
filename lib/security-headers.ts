// The security headers of every page, built per request by proxy.ts (the CSP carries that
// request's nonce, which Next.js reads back from the request's own CSP header and puts on its
// scripts). Route handlers get their fixed set from next.config.mjs instead: the proxy would make
// Next.js buffer their request bodies (see the note in proxy.ts).

/** Pages whose path holds a secret token: no Referer may carry it to another request. */
const TOKEN_PATHS = [/^\/q\//, /^\/login\/reset\//, /^\/login\/invite\//];

export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
// A year; without includeSubDomains, so the business's other subdomains are not forced onto https.
export const HSTS = "max-age=31536000";

export type TPageHeaderOptions = { pathname: string; nonce: string; https: boolean; dev: boolean };

export function contentSecurityPolicy({ nonce, https, dev }: Omit<TPageHeaderOptions, "pathname">): string {
  return [
    "default-src 'self'",
    // Only scripts carrying this request's nonce, and what they load ('strict-dynamic'). React's
    // development build needs eval for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Styles cannot run code, and sonner, radix's scroll lock and React's style attributes (chart
    // bars) add inline styles that carry no nonce: a nonce here would break toasts and dialogs.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function pageSecurityHeaders(options: TPageHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "Referrer-Policy": TOKEN_PATHS.some((pattern) => pattern.test(options.pathname)) ? "no-referrer" : "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    // Sent over http a browser ignores it, and it would pin a local http install to https.
    ...(options.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** 16 random bytes, base64: unguessable and new for every request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
