// Sends visitors without a session cookie from /admin to the login page. A convenience only,
// so it only looks for the cookie instead of decrypting it: every admin page, action and route
// handler checks the session itself (lib/auth/session.ts).
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/admin/:path*"] };
