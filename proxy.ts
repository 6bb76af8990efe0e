// Runs before every page: sets the security headers with a fresh CSP nonce
// (lib/security-headers.ts), and sends visitors without a session cookie from /admin to the login
// page. The redirect is a convenience only, so it only looks for the cookie instead of decrypting
// it: every admin page, action and route handler checks the session itself (lib/auth/session.ts).
import { NextResponse, type NextRequest } from "next/server";
import { appUrl, env } from "@/lib/env";
import { newNonce, pageSecurityHeaders } from "@/lib/security-headers";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const isAdminPath = (pathname: string) => pathname === "/admin" || pathname.startsWith("/admin/");

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// Next.js answers a path it cannot decode (/q/%ud800, a cut-off escape) with a bare 500. Such a
// path names nothing: an accept link shows its link-not-found page, anything else the 404 page.
const unknownPathTarget = (pathname: string) => (pathname.startsWith("/q/") ? "/q/unknown-link" : "/page-not-found");

function loginRedirect(request: NextRequest) {
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const headers = pageSecurityHeaders({
    pathname,
    nonce: newNonce(),
    https: appUrl.startsWith("https:"),
    dev: env.NODE_ENV === "development",
  });

  let response: NextResponse;
  if (isAdminPath(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    response = loginRedirect(request);
  } else {
    // Next.js reads the nonce from the request's CSP header while rendering.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
    response = isDecodable(pathname)
      ? NextResponse.next({ request: { headers: requestHeaders } })
      : NextResponse.rewrite(new URL(unknownPathTarget(pathname), request.url), { request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every page, but not route handlers (/api: with a proxy in front, Next.js buffers each request
  // body in memory, which the webhook's size cap must not meet; next.config.mjs gives them their
  // headers) nor static files, which need no CSP.
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
